package heapscope.leaks.programs.uniquekey;

/** A report's layout, loaded once per report name and shared by every rendering of it. */
final class ReportTemplate {
    final String name;
    final String layout;

    ReportTemplate(String name) {
        this.name = name;
        this.layout = "<h1>" + name + "</h1><table>{rows}</table>";
    }
}
