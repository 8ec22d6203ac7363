package nl.familyliaison.platform;

import java.io.IOException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

/**
 * The one JSON mapper of the service, strict on input: unknown fields, wrong types, numbers for text, trailing
 * garbage and duplicate keys are all refused with a 400 that names the field and says nothing of Java.
 */
public final class Json {

    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads the request body as {@code type}.
     *
     * @throws ProblemException 415 when the body is not JSON, 400 when it cannot be read as {@code type}
     */
    public static <T> T read(ServerRequest request, Class<T> type) {
        requireJson(request);
        byte[] body = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        if (body.length == 0) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "A JSON body is needed here.");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "A JSON object is needed here.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(path(e), "This field is not known here.");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "The body does not have the expected shape.");
            }
            throw ProblemException.invalid(field, "This field has the wrong type or form.");
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The body is not valid JSON.");
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The body could not be read.");
        }
    }

    /** Serialises a value; used where bytes are needed before a response exists. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    private static void requireJson(ServerRequest request) {
        boolean json = request.headers().contentType()
                .map(HttpMediaType::mediaType)
                .map(media -> "application".equals(media.type())
                              && ("json".equals(media.subtype()) || media.subtype().endsWith("+json")))
                .orElse(false);
        if (!json) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send this as application/json.");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1.5 where a whole number belongs is refused, not cut to 1.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // Text stays text: a number or boolean where a string belongs is refused, not quietly converted.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // No list or set in this API holds null: a null item is refused here, not met later as a crash.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }
}
