/// Where things are in a project folder, for every stage that names them.
public enum ProjectLayout {
    /// The folder of the client scenarios, one YAML file each.
    public static let scenarios = "content/scenarios"
    /// The folder of the report templates, one folder each.
    public static let reports = "content/reports"
    /// The project-relative path of the scenario `name`.
    public static func scenario(_ name: String) -> String {
        "\(scenarios)/\(name).yaml"
    }
    /// The image formats every EPUB reader shows (file name extensions, lower case).
    public static let imageTypes: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg"]
}
