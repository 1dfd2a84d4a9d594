import PlaybookCore
import PlaybookYAML

/// Reads a client's branding and front matter (``ReportBranding``): the scenario's `report:`
/// mapping, and the file `<scenario-name>.report.yaml` beside the scenario, which holds the
/// same keys at its top level. A key set in both places is an error at the second.
struct ReportBrandingReader {
    /// Reads a file's bytes (the logo) by path.
    typealias ReadBytes = (String) -> Result<[UInt8], Diagnostic>

    /// What one place set: the values and where each key is written.
    struct Read {
        var branding = ReportBranding()
        /// Each key written, with the location of its name.
        var keys: [(name: String, location: SourceLocation)] = []
    }

    /// Reads `node`, a mapping in `file` (`what` names it in messages, `missingAt` is where the
    /// mapping starts). The logo's path is relative to `file`.
    static func read(_ node: YAMLNode?, file: SourceFile, what: String, missingAt: SourceLocation,
                     readBytes: ReadBytes) -> (Read, [Diagnostic]) {
        var reader = YAMLMappingReader(node, file: file, what: what, missingAt: missingAt)
        var diagnostics: [Diagnostic] = []
        var read = Read()
        let pairs = node?.pairs ?? []
        read.keys = pairs.filter { ReportBranding.keys.contains($0.name) }.map { ($0.name, $0.key.location(in: file)) }
        func pair(_ key: String) -> YAMLPair? { pairs.first { $0.name == key } }

        read.branding.preparedFor = reader.string("prepared_for")
        read.branding.preparedBy = reader.string("prepared_by")
        read.branding.version = reader.string("version")
        read.branding.confidentiality = reader.string("confidentiality")

        if let accent = pair("accent"), accent.value.isNull {
            // `accent: #1f6f8b` is `accent:` and a comment to YAML.
            diagnostics.append(.error(.emptyValue, "'accent' is empty", at: accent.key.location(in: file),
                                      hint: "write the colour in quotes, such as accent: \"#1f6f8b\" (after a space, # starts a comment)"))
        }
        if let text = reader.string("accent"), let at = pair("accent")?.value.location(in: file) {
            if let colour = AccentColour(text) {
                read.branding.accent = colour
            } else {
                diagnostics.append(.error(.invalidValue, "'\(text)' is not a colour written #rrggbb", at: at,
                                          hint: "write # and six hexadecimal digits, in quotes, such as accent: \"#1f6f8b\""))
            }
        }

        if let text = reader.string("paper"), let at = pair("paper")?.value.location(in: file) {
            if let paper = Paper(rawValue: text.lowercased()) {
                read.branding.paper = paper
            } else {
                let names = Paper.allCases.map(\.rawValue)
                diagnostics.append(.error(.invalidValue, "'\(text)' is not a paper size", at: at,
                                          hint: NearestName.hint(for: text.lowercased(), among: names) ?? "use a4 or letter"))
            }
        }

        if let text = reader.string("logo"), let at = pair("logo")?.value.location(in: file) {
            let (logo, problem) = logo(text, at: at, file: file, readBytes: readBytes)
            read.branding.logo = logo
            if let problem { diagnostics.append(problem) }
        }
        reader.finish()
        return (read, reader.diagnostics + diagnostics)
    }

    /// The logo `text` names (relative to `file`), read and checked: an SVG, PNG or JPEG file
    /// whose contents are what its name says.
    private static func logo(_ text: String, at: SourceLocation, file: SourceFile, readBytes: ReadBytes) -> (ReportLogo?, Diagnostic?) {
        guard let promised = ReportLogo.Kind(fileName: text) else {
            return (nil, .error(.imageFormat, "the logo '\(text)' is not an SVG, PNG or JPEG file", at: at,
                                hint: "a logo must be a .svg, .png, .jpg or .jpeg file that browsers, PDF and EPUB readers all show"))
        }
        let path = ScenarioLoader.dataPath(text, besideScenario: file.path)
        let bytes: [UInt8]
        switch readBytes(path) {
        case .success(let read): bytes = read
        case .failure(let problem):
            let hint = problem.id == .missingFile ? "the path is relative to \(file.path.split(separator: "/").last.map(String.init) ?? file.path)" : problem.hint
            return (nil, .error(problem.id, "the logo '\(text)' cannot be read: \(problem.message)", at: at, hint: hint))
        }
        guard let found = ReportLogo.Kind(sniffing: bytes), found == promised else {
            let actual = ReportLogo.Kind(sniffing: bytes).map { "it holds \($0.description)" } ?? "its contents are not an image a report can show"
            return (nil, .error(.imageFormat, "the logo '\(text)' is not \(promised.description): \(actual)", at: at,
                                hint: "export the logo as SVG, PNG or JPEG and name the file for its format"))
        }
        return (ReportLogo(path: path, bytes: bytes, kind: found), nil)
    }

    /// The branding of both places together: the scenario's `report:` and the file beside it.
    /// A key written in both is an error at the file's key, with a note at the scenario's.
    static func merge(_ scenario: Read?, _ sidecar: Read?) -> (ReportBranding?, [Diagnostic]) {
        guard let sidecar else { return (scenario?.branding, []) }
        guard let scenario else { return (sidecar.branding, []) }
        var diagnostics: [Diagnostic] = []
        for key in sidecar.keys {
            guard let first = scenario.keys.first(where: { $0.name == key.name }) else { continue }
            diagnostics.append(.error(.duplicateKey, "'\(key.name)' is set both here and in the scenario's 'report:'", at: key.location,
                                      hint: "keep it in one place", notes: [.init("also set here", at: first.location)]))
        }
        var merged = scenario.branding
        let other = sidecar.branding
        merged.preparedFor = merged.preparedFor ?? other.preparedFor
        merged.preparedBy = merged.preparedBy ?? other.preparedBy
        merged.version = merged.version ?? other.version
        merged.confidentiality = merged.confidentiality ?? other.confidentiality
        merged.logo = merged.logo ?? other.logo
        merged.accent = merged.accent ?? other.accent
        merged.paper = merged.paper ?? other.paper
        return (merged, diagnostics)
    }

    /// The path of the branding file beside the scenario at `scenarioPath`
    /// (`content/scenarios/kestrel-mobile.report.yaml`).
    static func sidecarPath(of scenarioPath: String) -> String {
        for suffix in [".yaml", ".yml"] where scenarioPath.hasSuffix(suffix) {
            return String(scenarioPath.dropLast(suffix.count)) + ".report.yaml"
        }
        return scenarioPath + ".report.yaml"
    }
}
