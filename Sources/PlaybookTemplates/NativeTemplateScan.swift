/// Reads a ``NativeTemplate``'s tokens without rendering them.
enum NativeTemplateScan {
    /// Whether a name in `nodes` may read `field` (see ``NativeName/mayRead(_:)``); the
    /// templates they include are added to `partials`.
    static func mayRead(_ field: String, in nodes: [NativeNode], partials: inout [String]) -> Bool {
        for node in nodes {
            switch node {
            case .text, .dynamicPartial, .contentType:
                continue
            case .variable(let name, _):
                if name.mayRead(field) { return true }
            case .section(let name, let inner), .invertedSection(let name, let inner):
                if name.mayRead(field) || mayRead(field, in: inner, partials: &partials) { return true }
            case .blockExpansion(_, let inner, _), .blockDefinition(_, let inner):
                if mayRead(field, in: inner, partials: &partials) { return true }
            case .partial(let name, _, let overrides):
                partials.append(name)
                for (_, inner) in overrides ?? [:] where mayRead(field, in: inner, partials: &partials) { return true }
            }
        }
        return false
    }
}
