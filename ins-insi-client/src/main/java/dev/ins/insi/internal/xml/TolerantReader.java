package dev.ins.insi.internal.xml;

import jakarta.xml.bind.annotation.XmlElement;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Hides from the binder every element its class does not declare, anywhere below the root, with
 * its attributes, text and children: a future optional element from CNAM must not break readers.
 * The elements it knows stay strict (their values are checked by the binder and the mapper).
 *
 * <p>The known tree is read from the {@link XmlElement} annotations of the binding classes, so the
 * classes stay the one statement of the contract.
 */
final class TolerantReader extends StreamReaderDelegate {

  /** The children an element may have: name to the children of that child. */
  private record Known(Map<QName, Known> children) {}

  private static final Map<Class<?>, Known> TREES = new ConcurrentHashMap<>();

  private final Deque<Known> open = new ArrayDeque<>();

  /**
   * Wraps a reader positioned on the root start tag of a {@code type} document.
   *
   * @param reader the reader, on the root start tag
   * @param type the binding class of the root
   */
  TolerantReader(XMLStreamReader reader, Class<?> type) {
    super(reader);
    open.push(TREES.computeIfAbsent(type, t -> tree(t, new HashMap<>())));
  }

  private static Known tree(Class<?> type, Map<Class<?>, Known> seen) {
    Known done = seen.get(type);
    if (done != null) {
      return done;
    }
    Map<QName, Known> children = new HashMap<>();
    Known k = new Known(Collections.unmodifiableMap(children));
    seen.put(type, k);
    for (Field f : type.getDeclaredFields()) {
      XmlElement e = f.getAnnotation(XmlElement.class);
      if (e == null) {
        continue;
      }
      Class<?> child = f.getType();
      if (List.class.isAssignableFrom(child) && f.getGenericType() instanceof ParameterizedType p
          && p.getActualTypeArguments()[0] instanceof Class<?> c) {
        child = c;
      }
      Known sub = child == String.class || child.isPrimitive() ? new Known(Map.of()) : tree(child, seen);
      children.put(new QName(e.namespace(), e.name()), sub);
    }
    return k;
  }

  @Override
  public int next() throws XMLStreamException {
    int ev = super.next();
    while (ev == XMLStreamConstants.START_ELEMENT) {
      Known child = open.isEmpty() ? null : open.peek().children().get(getName());
      if (child != null) {
        open.push(child);
        return ev;
      }
      skipElement();
      ev = super.next();
    }
    if (ev == XMLStreamConstants.END_ELEMENT && !open.isEmpty()) {
      open.pop();
    }
    return ev;
  }

  /** Consumes the unknown element the reader is on, up to and including its end tag. */
  private void skipElement() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = super.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        throw new XMLStreamException("document ends inside an element");
      }
    }
  }

  @Override
  public int nextTag() throws XMLStreamException {
    int ev = next();
    while ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && isWhiteSpace()
        || ev == XMLStreamConstants.SPACE || ev == XMLStreamConstants.PROCESSING_INSTRUCTION
        || ev == XMLStreamConstants.COMMENT) {
      ev = next();
    }
    if (ev != XMLStreamConstants.START_ELEMENT && ev != XMLStreamConstants.END_ELEMENT) {
      throw new XMLStreamException("expected a start or end tag");
    }
    return ev;
  }

  @Override
  public String getElementText() throws XMLStreamException {
    if (getEventType() != XMLStreamConstants.START_ELEMENT) {
      throw new XMLStreamException("not on a start tag");
    }
    StringBuilder b = new StringBuilder();
    while (true) {
      int ev = next();
      switch (ev) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> b.append(getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return b.toString();
        }
        case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException("a known element holds text only");
        case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ends inside an element");
        default -> {
          // comments and processing instructions
        }
      }
    }
  }
}
