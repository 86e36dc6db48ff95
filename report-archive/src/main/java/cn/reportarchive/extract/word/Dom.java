package cn.reportarchive.extract.word;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Null-tolerant steps through the DOM of a WordprocessingML or ODF part. */
final class Dom {
    /** Wrappers that may stand around rows and cells: content controls, custom XML, tracked insertions. */
    private static final List<String> WRAPPERS = List.of("sdt", "sdtContent", "customXml", "ins", "moveTo");

    private Dom() {
    }

    static Node child(Node parent, String ns, String local) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (local.equals(n.getLocalName()) && ns.equals(n.getNamespaceURI())) {
                return n;
            }
        }
        return null;
    }

    /** The children of that name, looking through content controls and other wrappers around them. */
    static List<Node> children(Node parent, String ns, String local) {
        List<Node> found = new ArrayList<>();
        collect(parent, ns, local, found, 0);
        return found;
    }

    private static void collect(Node parent, String ns, String local, List<Node> found, int depth) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!ns.equals(n.getNamespaceURI())) {
                continue;
            }
            if (local.equals(n.getLocalName())) {
                found.add(n);
            } else if (WRAPPERS.contains(n.getLocalName()) && depth < 8) {
                collect(n, ns, local, found, depth + 1);
            }
        }
    }

    static String attr(Node node, String ns, String local) {
        if (!(node instanceof Element e) || !e.hasAttributeNS(ns, local)) {
            return null;
        }
        return e.getAttributeNS(ns, local);
    }

    /** The w:val attribute. */
    static String val(Node node) {
        return attr(node, DocxReader.W, "val");
    }

    static BigInteger bigVal(Node node) {
        String v = val(node);
        if (v == null) {
            return null;
        }
        try {
            return new BigInteger(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int intVal(Node node, int otherwise) {
        BigInteger v = bigVal(node);
        return v == null || v.bitLength() > 31 ? otherwise : v.intValue();
    }

    /** The text directly inside an element (XmlBeans' DOM has no getTextContent). */
    static String text(Node node) {
        StringBuilder s = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                s.append(n.getNodeValue());
            }
        }
        return s.toString();
    }

    /** An on/off property: present and not switched off by w:val="0"/"false"/"off". */
    static boolean on(Node node) {
        if (node == null) {
            return false;
        }
        String v = val(node);
        return v == null || !(v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off"));
    }
}
