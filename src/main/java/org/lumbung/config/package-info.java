/** Settings, validated once at start, and the registration of Lumbung's beans with Camel. */
package org.lumbung.config;
