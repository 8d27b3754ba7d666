/** Language detection: a character n-gram model that tells the language of a title or abstract when the record does not say it. */
package org.lumbung.language;
