package ${package};

import io.meshwork.core.DataProduct;
import io.meshwork.core.EventTime;
import io.meshwork.core.ProductContext;
import io.meshwork.core.runtime.Meshwork;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;

/**
 * ${domain}/${name}: one validated {@link ${className}Record} per {@link ${className}Event}, keyed as the input is. Event
 * time is the event's {@code timestamp}. The contract is contracts/${domain}/${name}.yaml.
 */
public final class ${className}Product implements DataProduct {

    /** The input topics, as the contract's {@code ports.inputs} declares them. */
    public static final List<String> INPUTS = List.of(#foreach( $topic in $inputs.split(",") )"$topic.trim()"#if( $foreach.hasNext ), #end#end);

    @Override
    public String name() {
        return "${name}";
    }

    @Override
    public void topology(ProductContext ctx) {
        KStream<String, ${className}Event> events = INPUTS.stream()
                .map(topic -> ctx.input(topic, ${className}Event.class, EventTime.iso(${className}Event::timestamp)))
                .reduce(KStream::merge)
                .orElseThrow();
        // The output port checks every record against the contract: invalid ones go to the dead-letter topic.
        ctx.output(events.mapValues(${className}Record::from));
    }

    public static void main(String[] args) {
        Meshwork.run(new ${className}Product());
    }
}
