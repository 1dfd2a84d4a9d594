/// Where a run puts files as soon as they are made, instead of holding every file until the
/// write stage: `playbook build` writes each into its staging folder at once (`StagingFolder`,
/// PlaybookWrite), and `playbook check` drops it (``DroppingSink``). The preview server's
/// builds have none: its writer compares every file with what the previous build wrote.
///
/// A file put here is listed in ``RenderedOutput/streamed`` by the renderer that made it, so
/// that it still counts (pages, clashes) without being held.
package protocol OutputSink: Sendable {
    /// Takes a file, by path relative to the output folder. It may be called from every core
    /// at once. A failure is kept by the sink and reported when the run ends.
    func put(_ file: OutputFile)

    /// Takes a text file given in parts, written one after the other: a big file made of many
    /// pieces (the search index) is then never joined in memory.
    func put(_ path: String, parts: [String])
}

extension OutputSink {
    /// Joins the parts and puts the file.
    package func put(_ path: String, parts: [String]) {
        put(OutputFile(path: path, content: .text(parts.joined())))
    }
}

/// A sink that keeps nothing: `playbook check` makes every file and writes none.
package struct DroppingSink: OutputSink {
    /// Creates the sink.
    package init() {}

    /// Drops the file.
    package func put(_ file: OutputFile) {}

    /// Drops the file.
    package func put(_ path: String, parts: [String]) {}
}
