/** The crosswalks from each metadata format (oai_dc, qdc, DIM, XOAI, MODS, MARCXML, JATS, DataCite, OpenAIRE, RIOXX) into the Dublin Core record, one class per format. */
package org.lumbung.crosswalk;
