/// The paper a report's or a book's PDF is printed on: `paper: a4 | letter` in a report
/// template's `report.yaml` or a book's `book.yaml` (A4 when not given).
public enum Paper: String, Sendable, Hashable, CaseIterable {
    /// ISO A4, 210 × 297 mm.
    case a4
    /// US Letter, 8.5 × 11 in.
    case letter

    /// The paper when none is named.
    public static let standard = Paper.a4

    /// The size as CSS `@page { size: … }` names it.
    public var cssSize: String {
        switch self {
        case .a4: return "A4"
        case .letter: return "letter"
        }
    }

    /// Width and height in inches.
    public var inches: (width: Double, height: Double) {
        switch self {
        case .a4: return (210 / 25.4, 297 / 25.4)
        case .letter: return (8.5, 11)
        }
    }
}
