import Foundation
import PlaybookCore
import PlaybookFiles

/// Decides whether a build may write to an output folder. Playbook replaces the whole folder,
/// so it refuses one that holds the project's sources, or one that exists and was not made by
/// Playbook (it has no `.playbook-output` marker).
public enum OutputFolder {
    /// The marker file every output folder gets.
    public static let marker = ".playbook-output"

    /// A diagnostic when `output` must not be used for the project in `root`, else `nil`.
    public static func problem(output: URL, projectRoot root: URL) -> Diagnostic? {
        let out = ProjectDirectory.canonical(output)
        let project = ProjectDirectory.canonical(root)
        if out == project || project.hasPrefix(out + "/") || out == "/" {
            return .error(.unsafeOutput, "the output folder \(output.path) contains the project's sources", at: nil,
                          hint: "choose a folder of its own, such as build/ (the default)")
        }
        for source in ["content", "templates", "site"] {
            let folder = project + "/" + source
            if out == folder || out.hasPrefix(folder + "/") {
                return .error(.unsafeOutput, "the output folder \(output.path) is inside the project's \(source)/ folder", at: nil,
                              hint: "a build must not write where it reads: choose a folder such as build/")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                return .error(.unsafeOutput, "the output path \(output.path) is a file, not a folder", at: nil)
            }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if !contents.isEmpty, !contents.contains(marker) {
                return .error(.unsafeOutput, "\(output.path) already exists and was not made by Playbook", at: nil,
                              hint: "Playbook replaces its output folder as a whole; choose an empty or new folder")
            }
        }
        return nil
    }
}
