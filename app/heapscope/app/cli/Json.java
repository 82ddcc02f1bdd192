package heapscope.app.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.PrintStream;

/** Writes the CLI's JSON documents: records in component order, indented, one document per run. */
final class Json {
    private static final ObjectWriter WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    static void print(Object document, PrintStream out) throws IOException {
        out.println(WRITER.writeValueAsString(document));
    }
}
