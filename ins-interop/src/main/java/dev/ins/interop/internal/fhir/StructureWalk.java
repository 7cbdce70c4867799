package dev.ins.interop.internal.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;

/**
 * Structural validation of a FHIR R4 resource in JSON against HAPI's model definitions: every
 * element known, the JSON type and cardinality right, primitive values in their FHIR format,
 * required elements present, nothing empty. Each problem is reported under the FHIRPath of the
 * element ({@code Patient.name[0].given[1]}); messages hold element names only, never values.
 */
public final class StructureWalk {

  /** JSON keys that are safe to echo in a message (element names, not data). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");
  private static final int MAX_VIOLATIONS = 100;

  private final FhirContext context;
  private final List<Violation> out;

  private StructureWalk(FhirContext context, List<Violation> out) {
    this.context = context;
    this.out = out;
  }

  /**
   * Walks a resource.
   *
   * @param context the FHIR context (R4)
   * @param resource the JSON object of the resource, {@code resourceType} included
   * @param path the FHIRPath of the resource, e.g. {@code Patient}
   * @param out where violations are added
   */
  public static void resource(FhirContext context, JsonNode resource, String path, List<Violation> out) {
    new StructureWalk(context, out).resource(resource, path);
  }

  private void resource(JsonNode node, String path) {
    JsonNode type = node.get("resourceType");
    if (type == null || !type.isTextual()) {
      add(path + ".resourceType", ViolationCode.REQUIRED, "a resource names its resourceType");
      return;
    }
    BaseRuntimeElementCompositeDefinition<?> def;
    try {
      def = context.getResourceDefinition(type.asText());
    } catch (DataFormatException e) {
      add(path + ".resourceType", ViolationCode.UNKNOWN_CODE, "not an R4 resource type");
      return;
    }
    composite(node, def, path, true);
  }

  private void composite(JsonNode node, BaseRuntimeElementCompositeDefinition<?> def, String path, boolean isResource) {
    if (!node.isObject()) {
      add(path, ViolationCode.INVALID_FORMAT, "expected a JSON object");
      return;
    }
    if (node.isEmpty()) {
      add(path, ViolationCode.EMPTY, "FHIR elements are never empty objects");
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (out.size() >= MAX_VIOLATIONS) {
        break;
      }
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (isResource && name.equals("resourceType")) {
        continue;
      }
      if (name.startsWith("_") && name.length() > 1) {
        primitiveExtension(def, name.substring(1), value, path);
        continue;
      }
      BaseRuntimeChildDefinition child = def.getChildByName(name);
      String childPath = path + "." + (NAME.matcher(name).matches() ? name : "<unknown>");
      if (child == null) {
        add(childPath, ViolationCode.INVALID_FORMAT, "unknown element (not in the R4 definition of "
            + def.getName() + ")");
        continue;
      }
      BaseRuntimeElementDefinition<?> elementDef = child.getChildByName(name);
      boolean repeats = child.getMax() != 1;
      if (value.isArray()) {
        if (!repeats) {
          add(childPath, ViolationCode.INVALID_FORMAT, "a single element is not a JSON array");
          continue;
        }
        if (value.isEmpty()) {
          add(childPath, ViolationCode.EMPTY, "FHIR arrays are never empty");
          continue;
        }
        for (int i = 0; i < value.size(); i++) {
          element(value.get(i), elementDef, childPath + "[" + i + "]", true);
        }
      } else if (repeats) {
        add(childPath, ViolationCode.INVALID_FORMAT, "a repeating element is a JSON array");
      } else {
        element(value, elementDef, childPath, false);
      }
    }
    for (BaseRuntimeChildDefinition child : def.getChildren()) {
      if (child.getMin() < 1) {
        continue;
      }
      boolean present = false;
      for (String n : child.getValidChildNames()) {
        present |= node.has(n) || node.has("_" + n);
      }
      if (!present) {
        add(path + "." + child.getElementName(), ViolationCode.REQUIRED, "a required element is missing");
      }
    }
  }

  private void element(JsonNode value, BaseRuntimeElementDefinition<?> def, String path, boolean inArray) {
    if (value.isNull()) {
      if (!inArray || !isPrimitive(def)) {
        add(path, ViolationCode.INVALID_FORMAT, "null is only allowed in arrays of primitives");
      }
      return;
    }
    switch (def.getChildType()) {
      case PRIMITIVE_DATATYPE, ID_DATATYPE -> primitive(value, def, path);
      case PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG -> {
        if (!value.isTextual()) {
          add(path, ViolationCode.INVALID_FORMAT, "expected XHTML in a JSON string");
        }
      }
      case RESOURCE, CONTAINED_RESOURCES, CONTAINED_RESOURCE_LIST -> {
        if (value.isObject()) {
          resource(value, path);
        } else {
          add(path, ViolationCode.INVALID_FORMAT, "expected a resource as a JSON object");
        }
      }
      default -> {
        if (def instanceof BaseRuntimeElementCompositeDefinition<?> c) {
          composite(value, c, path, false);
        }
      }
    }
  }

  private static boolean isPrimitive(BaseRuntimeElementDefinition<?> def) {
    return switch (def.getChildType()) {
      case PRIMITIVE_DATATYPE, ID_DATATYPE -> true;
      default -> false;
    };
  }

  private void primitive(JsonNode value, BaseRuntimeElementDefinition<?> def, String path) {
    Class<?> type = def.getImplementingClass();
    boolean number = IntegerType.class.isAssignableFrom(type) || DecimalType.class.isAssignableFrom(type)
        || org.hl7.fhir.r4.model.UnsignedIntType.class.isAssignableFrom(type);
    boolean bool = BooleanType.class.isAssignableFrom(type);
    String text;
    if (bool) {
      if (!value.isBoolean()) {
        add(path, ViolationCode.INVALID_FORMAT, "expected a JSON boolean");
        return;
      }
      return;
    } else if (number) {
      if (!value.isNumber()) {
        add(path, ViolationCode.INVALID_FORMAT, "expected a JSON number");
        return;
      }
      text = value.asText();
    } else {
      if (!value.isTextual()) {
        add(path, ViolationCode.INVALID_FORMAT, "expected a JSON string");
        return;
      }
      text = value.asText();
      if (text.isEmpty()) {
        add(path, ViolationCode.EMPTY, "FHIR strings are never empty");
        return;
      }
    }
    try {
      Object instance = def.newInstance();
      if (instance instanceof IPrimitiveType<?> p) {
        p.setValueAsString(text);
      }
    } catch (DataFormatException | IllegalArgumentException e) {
      add(path, type.getSimpleName().contains("Date") || type.getSimpleName().contains("Instant")
          ? ViolationCode.INVALID_DATE : ViolationCode.INVALID_FORMAT,
          "not a valid FHIR " + def.getName() + " value");
    }
  }

  private void primitiveExtension(BaseRuntimeElementCompositeDefinition<?> def, String base, JsonNode value, String path) {
    BaseRuntimeChildDefinition child = def.getChildByName(base);
    String p = path + "._" + (NAME.matcher(base).matches() ? base : "<unknown>");
    if (child == null || !isPrimitive(child.getChildByName(base))) {
      add(p, ViolationCode.INVALID_FORMAT, "an underscore element extends a known primitive element");
      return;
    }
    if (!value.isObject() && !value.isArray()) {
      add(p, ViolationCode.INVALID_FORMAT, "expected a JSON object or array");
    }
  }

  private void add(String path, ViolationCode code, String detail) {
    if (out.size() < MAX_VIOLATIONS) {
      out.add(new Violation(path, code, -1, detail));
    }
  }
}
