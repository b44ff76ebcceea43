package news.masthead.migration;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * A StAX parser that cannot be turned against us: no DTDs, no external entities (so no XXE and no
 * billion laughs), text coalesced, and limits on depth and names. A document that declares a
 * DOCTYPE is refused by the reader before anything in it is used.
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // JDK parser limits (the secure-processing defaults, made explicit and tighter where a WXR file never needs more)
        f.setProperty("jdk.xml.entityExpansionLimit", 0);
        f.setProperty("jdk.xml.maxElementDepth", 100);
        f.setProperty("jdk.xml.elementAttributeLimit", 1000);
        f.setProperty("jdk.xml.maxXMLNameLimit", 1000);
        return f;
    }
}
