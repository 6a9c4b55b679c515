package org.k8sca.app.flags;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets picocli read {@code --nodes=<min>:<max>:<name>}. */
public final class NodeGroupSpecConverter implements ITypeConverter<NodeGroupSpec> {
    @Override
    public NodeGroupSpec convert(String value) {
        try {
            return NodeGroupSpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
