/** The OAI-PMH data provider at /oai: Lumbung's normalised records re-exposed to downstream harvesters. */
package org.lumbung.search.oai;
