/** Lumbung as a plugin for other Camel applications: the beans behind its Kamelets. */
package org.lumbung.camel;
