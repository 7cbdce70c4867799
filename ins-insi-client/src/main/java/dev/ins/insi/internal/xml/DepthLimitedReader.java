package dev.ins.insi.internal.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/** Refuses documents nested deeper than a bound, and any DTD or entity reference, while binding. */
final class DepthLimitedReader extends StreamReaderDelegate {
  private final int max;
  private int depth;

  DepthLimitedReader(XMLStreamReader reader, int max) {
    super(reader);
    this.max = max;
    this.depth = reader.getEventType() == XMLStreamConstants.START_ELEMENT ? 1 : 0;
  }

  @Override
  public int next() throws XMLStreamException {
    int ev = super.next();
    switch (ev) {
      case XMLStreamConstants.START_ELEMENT -> {
        if (++depth > max) {
          throw new XMLStreamException("elements nested deeper than " + max);
        }
      }
      case XMLStreamConstants.END_ELEMENT -> depth--;
      case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
          XMLStreamConstants.ENTITY_DECLARATION ->
          throw new XMLStreamException("DTDs and entity references are forbidden");
      default -> {
        // other events pass through
      }
    }
    return ev;
  }

  @Override
  public int nextTag() throws XMLStreamException {
    int ev = next();
    while ((ev == XMLStreamConstants.CHARACTERS && isWhiteSpace())
        || (ev == XMLStreamConstants.CDATA && isWhiteSpace())
        || ev == XMLStreamConstants.SPACE
        || ev == XMLStreamConstants.PROCESSING_INSTRUCTION
        || ev == XMLStreamConstants.COMMENT) {
      ev = next();
    }
    if (ev != XMLStreamConstants.START_ELEMENT && ev != XMLStreamConstants.END_ELEMENT) {
      throw new XMLStreamException("expected a start or end tag");
    }
    return ev;
  }
}
