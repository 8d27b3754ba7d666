package org.lumbung.crosswalk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lumbung.dc.Citation;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.xml.XmlElement;

/**
 * DSpace's xoai format: the item's raw metadata as nested {@code <element name="...">} levels, schema, element,
 * optional qualifier, then language ({@code none} when unset), holding {@code <field name="value">}s. The level that
 * holds fields is the language; the names above it are the field. Fields mean what {@link DspaceFields} says. The
 * ORIGINAL bundle's PDF bitstreams are the full text.
 */
public final class XoaiCrosswalk implements Crosswalk {

    public static final String NAMESPACE = "http://www.lyncode.com/xoai";

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        return "xoai".equals(metadataPrefix) || NAMESPACE.equals(rootNamespace);
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        for (XmlElement schema : metadata.elements("element")) {
            String name = schema.attribute("name").orElse("");
            if (name.equals("bundles")) {
                readBundles(schema, record);
            } else {
                walk(schema, new ArrayList<>(List.of(name)), record);
            }
        }
    }

    private static void walk(XmlElement level, List<String> names, DcRecordBuilder record) {
        List<XmlElement> fields = level.elements("field");
        if (!fields.isEmpty() && names.size() >= 3) {
            String lang = language(names.get(names.size() - 1));
            List<String> path = names.subList(0, names.size() - 1);
            String authority = null;
            for (XmlElement field : fields) {
                String kind = field.attribute("name").orElse("");
                if (kind.equals("authority")) {
                    authority = field.text().strip();
                }
            }
            for (XmlElement field : fields) {
                if (field.attribute("name").orElse("").equals("value")) {
                    DspaceFields.read(new DspaceFields.Field(path.get(0), path.get(1),
                            path.size() > 2 ? path.get(2) : null, lang, field.text(), authority), record);
                }
            }
        }
        for (XmlElement child : level.elements("element")) {
            names.add(child.attribute("name").orElse(""));
            walk(child, names, record);
            names.remove(names.size() - 1);
        }
    }

    /** {@code none}, {@code *} and empty say there is no language. */
    private static String language(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.isEmpty() || lower.equals("none") || lower.equals("*") ? null : name;
    }

    private static void readBundles(XmlElement bundles, DcRecordBuilder record) {
        for (XmlElement bundle : bundles.elements("element")) {
            if (!field(bundle, "name").orElse("").equals("ORIGINAL")) {
                continue;
            }
            for (XmlElement bitstreams : bundle.elements("element")) {
                for (XmlElement bitstream : bitstreams.elements("element")) {
                    if (field(bitstream, "format").orElse("").strip().equalsIgnoreCase("application/pdf")) {
                        field(bitstream, "url").ifPresent(url -> record.citation(Citation.FULL_TEXT_URL, url));
                    }
                }
            }
        }
    }

    private static Optional<String> field(XmlElement element, String name) {
        return element.elements("field").stream().filter(f -> name.equals(f.attribute("name").orElse(null)))
                .map(XmlElement::text).findFirst();
    }
}
