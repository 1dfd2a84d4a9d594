
/// The diagnostics that several places raise for the same mistake, each worded once.
///
/// A mistake that can be found in more than one place (a scenario name in a chapter, in
/// `playbook.yaml`'s reports, on the command line) is built here, so that the user reads the
/// same message and hint wherever they made it.
extension Diagnostic {
    /// `no-scenario`: `name` names no scenario in `content/scenarios/`. The hint is the nearest
    /// of `names`, or else the scenarios there are (or where scenarios go, when there are none).
    package static func noScenario(named name: String, among names: some Collection<String>, at location: SourceLocation?) -> Diagnostic {
        let sorted = names.sorted()
        return .error(.noScenario, "there is no scenario '\(name)' in \(ProjectLayout.scenarios)/", at: location,
                      hint: NearestName.hint(for: name, among: sorted)
                        ?? (sorted.isEmpty ? "scenarios are YAML files in \(ProjectLayout.scenarios)/" : "the scenarios are: " + sorted.joined(separator: ", ")))
    }

    /// `no-scenario`: the scenario file at `path` was found but is gone when it is read.
    package static func noScenarioFile(_ path: String) -> Diagnostic {
        .error(.noScenario, "there is no file \(path)", at: nil)
    }

    /// `missing-file`: a file a scenario names (its attribution data) does not exist. The
    /// scenario loader places it and names the file in its own message.
    package static var missingScenarioData: Diagnostic {
        .error(.missingFile, "there is no such file", at: nil)
    }

    /// `unreadable`: the file at `path` was listed but is gone when it is read.
    package static func disappeared(_ path: String) -> Diagnostic {
        .error(.unreadable, "\(path) disappeared while it was being read", at: .file(path))
    }

    /// `no-project`: `root` has no `playbook.yaml`.
    package static func noProject(in root: String) -> Diagnostic {
        .error(.noProject, "there is no playbook.yaml in \(root)", at: nil,
               hint: "run Playbook in a project folder, pass --project, or create one with 'playbook new <folder>'")
    }

    /// `no-earlier-run`: the folder `--compare` names holds no usable earlier run (`problem`
    /// says how), with the one hint on what to give instead.
    package static func noEarlierRun(_ problem: String) -> Diagnostic {
        .error(.noEarlierRun, problem, at: nil,
               hint: "give the folder of an earlier run, such as build/reports/, or one client's folder in it")
    }
}
