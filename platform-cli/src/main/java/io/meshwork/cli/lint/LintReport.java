package io.meshwork.cli.lint;

import io.meshwork.cli.contracts.JsonOutput;
import io.meshwork.core.json.Json;
import io.meshwork.governance.lint.LintFinding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The findings of one {@code mesh lint} run, as text, JSON or JUnit XML (one test case per contract file). */
final class LintReport {

    private final List<Path> files;
    private final List<LintFinding> findings;

    LintReport(List<Path> files, List<LintFinding> findings) {
        this.files = files;
        this.findings = findings.stream().sorted(Comparator.comparing((LintFinding f) -> f.file().toString())
                .thenComparingInt(LintFinding::line).thenComparingInt(LintFinding::column)).toList();
    }

    long errors() {
        return findings.stream().filter(LintFinding::isError).count();
    }

    long warnings() {
        return findings.size() - errors();
    }

    void printText(PrintWriter out) {
        findings.forEach(out::println);
        out.println(files.size() + " contract" + (files.size() == 1 ? "" : "s") + " checked: " + errors() + " error"
                + (errors() == 1 ? "" : "s") + ", " + warnings() + " warning" + (warnings() == 1 ? "" : "s"));
    }

    void printJson(PrintWriter out) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("contracts", files.size());
        root.put("errors", errors());
        root.put("warnings", warnings());
        ArrayNode list = root.putArray("findings");
        for (LintFinding f : findings) {
            list.addObject().put("file", f.file().toString()).put("line", f.line()).put("column", f.column())
                    .put("severity", f.severity().label()).put("rule", f.rule()).put("message", f.message());
        }
        JsonOutput.print(out, root);
    }

    void printJunit(PrintWriter out) {
        StringWriter xml = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(xml);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "mesh lint");
            w.writeAttribute("tests", Integer.toString(files.size()));
            w.writeAttribute("failures", Long.toString(files.stream().filter(f -> !errorsOf(f).isEmpty()).count()));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            for (Path file : files) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "mesh.lint");
                w.writeAttribute("name", file.toString());
                List<LintFinding> errors = errorsOf(file);
                if (!errors.isEmpty()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("type", errors.get(0).rule());
                    w.writeAttribute("message", errors.size() + " policy error" + (errors.size() == 1 ? "" : "s")
                            + ", first: " + errors.get(0));
                    w.writeCharacters(lines(errors));
                    w.writeEndElement();
                }
                List<LintFinding> warnings = of(file).stream().filter(f -> !f.isError()).toList();
                if (!warnings.isEmpty()) {
                    w.writeStartElement("system-out");
                    w.writeCharacters(lines(warnings));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        out.println(xml);
    }

    private List<LintFinding> of(Path file) {
        return findings.stream().filter(f -> f.file().equals(file)).toList();
    }

    private List<LintFinding> errorsOf(Path file) {
        return of(file).stream().filter(LintFinding::isError).toList();
    }

    private static String lines(List<LintFinding> findings) {
        return findings.stream().map(LintFinding::toString).collect(Collectors.joining("\n"));
    }
}
