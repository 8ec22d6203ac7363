package nl.familyliaison.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import nl.familyliaison.support.Contract;

/**
 * The operations {@code openapi.yaml} describes, read with the same parser the contract check uses: what the bad-input
 * campaign aims at. A route added to the contract is aimed at without anyone listing it.
 */
record ContractOperations(List<Op> operations, Map<String, SecurityScheme> schemes) {

    /** How an operation takes its body. */
    enum BodyKind { NONE, JSON, RAW }

    /**
     * One method on one path, with its parameters, (resolved) JSON body schema and security: the alternatives, each
     * the names of the schemes it needs together; empty for {@code security: []}, null when the operation says nothing.
     */
    record Op(String method, String path, List<Parameter> parameters, BodyKind body, Schema<?> schema,
              List<Set<String>> security) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> where.equals(parameter.getIn())).toList();
        }

        boolean changesState() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static ContractOperations read() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(Contract.FILE.toAbsolutePath().toString(), null, options);
        if (api == null) {
            throw new IllegalStateException("openapi.yaml does not parse");
        }
        List<Op> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (method, operation) -> operations.add(op(method.name(), path, item, operation))));
        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        return new ContractOperations(List.copyOf(operations), schemes == null ? Map.of() : Map.copyOf(schemes));
    }

    /** The methods each path is described with. */
    List<String> methodsOf(String path) {
        return operations.stream().filter(op -> op.path().equals(path)).map(Op::method).toList();
    }

    private static Op op(String method, String path, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        List<Set<String>> security = operation.getSecurity() == null ? null
                : operation.getSecurity().stream().map(SecurityRequirement::keySet).map(Set::copyOf).toList();
        Content content = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
        if (content == null || content.isEmpty()) {
            return new Op(method, path, parameters, BodyKind.NONE, null, security);
        }
        Map.Entry<String, io.swagger.v3.oas.models.media.MediaType> first = content.entrySet().iterator().next();
        return first.getKey().contains("json")
               ? new Op(method, path, parameters, BodyKind.JSON, first.getValue().getSchema(), security)
               : new Op(method, path, parameters, BodyKind.RAW, null, security);
    }
}
