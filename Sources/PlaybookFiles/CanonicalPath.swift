import Foundation

extension ProjectDirectory {
    /// The absolute path where `url` really leads: component by component, each part that
    /// exists is resolved through its symbolic links, and the parts that do not exist yet are
    /// added to the resolved folder above them. So `linkc/sub`, with `linkc` a link to
    /// `content/customer-service` and `sub` not there yet, is `…/content/customer-service/sub`:
    /// where writing to it would put the files.
    package static func canonical(_ url: URL) -> String {
        var resolved = "/"
        for component in url.path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                // `resolved` has no links left in it, so its parent is the real parent.
                resolved = (resolved as NSString).deletingLastPathComponent
            default:
                let next = resolved == "/" ? "/" + component : resolved + "/" + component
                // Nothing there (or a link to nothing): the name as it is.
                resolved = realPath(next) ?? next
            }
        }
        return resolved.isEmpty ? "/" : resolved
    }
}
