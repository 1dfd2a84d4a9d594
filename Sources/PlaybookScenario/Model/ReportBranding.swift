import Foundation
import PlaybookCore

/// A client's branding and front matter for its report: the scenario's `report:` mapping, or
/// the same keys in `<scenario-name>.report.yaml` beside the scenario file. Every field is
/// optional; a report without them has a plain cover.
public struct ReportBranding: Sendable, Equatable {
    /// Who the report is for ("Priya Raman, Chief Financial Officer").
    public var preparedFor: String?
    /// Who wrote it ("Northgate Advisory"); without it the cover names the template's authors.
    public var preparedBy: String?
    /// The report's version ("1.2", "Draft 3").
    public var version: String?
    /// The confidentiality line printed on the cover, at the end and on every printed page.
    public var confidentiality: String?
    /// The logo shown on the cover.
    public var logo: ReportLogo?
    /// The accent colour of the cover and headings.
    public var accent: AccentColour?
    /// The paper the printed report is laid out for; `nil` leaves the report template's choice.
    public var paper: Paper?

    /// Creates branding; every field defaults to absent.
    public init(preparedFor: String? = nil, preparedBy: String? = nil, version: String? = nil, confidentiality: String? = nil,
                logo: ReportLogo? = nil, accent: AccentColour? = nil, paper: Paper? = nil) {
        self.preparedFor = preparedFor
        self.preparedBy = preparedBy
        self.version = version
        self.confidentiality = confidentiality
        self.logo = logo
        self.accent = accent
        self.paper = paper
    }

    /// The keys of `report:` (and of `<scenario-name>.report.yaml`), in the order the README lists them.
    public static let keys = ["prepared_for", "prepared_by", "version", "confidentiality", "logo", "accent", "paper"]
}

/// A logo read from the project: an SVG, PNG or JPEG file.
public struct ReportLogo: Sendable, Equatable {
    /// The path of the file, relative to the project (or absolute for a scenario outside one).
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// What kind of image it is.
    public var kind: Kind

    /// Creates a logo.
    public init(path: String, bytes: [UInt8], kind: Kind) {
        self.path = path
        self.bytes = bytes
        self.kind = kind
    }

    /// The image formats a logo may be in: those every browser, PDF engine and EPUB reader shows.
    public enum Kind: String, Sendable, Equatable {
        /// Scalable Vector Graphics.
        case svg
        /// Portable Network Graphics.
        case png
        /// JPEG.
        case jpeg

        /// The media type (`image/svg+xml`).
        public var mediaType: String {
            switch self {
            case .svg: "image/svg+xml"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            }
        }

        /// The usual file extension, without the dot.
        public var fileExtension: String {
            switch self {
            case .svg: "svg"
            case .png: "png"
            case .jpeg: "jpg"
            }
        }

        /// What a person calls it ("a PNG image").
        public var description: String {
            switch self {
            case .svg: "an SVG image"
            case .png: "a PNG image"
            case .jpeg: "a JPEG image"
            }
        }

        /// The kind a file name's extension promises, or `nil` for any other.
        public init?(fileName: String) {
            let ext = fileName.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last : nil }
            switch ext.map({ $0.lowercased() }) {
            case "svg": self = .svg
            case "png": self = .png
            case "jpg", "jpeg": self = .jpeg
            default: return nil
            }
        }

        /// The kind `bytes` hold, judged by their first bytes (an SVG: an `<svg` element at
        /// the start, after an XML declaration, comments or a doctype), or `nil`.
        public init?(sniffing bytes: [UInt8]) {
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self = .png
            } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
                self = .jpeg
            } else if Self.isSVG(bytes) {
                self = .svg
            } else {
                return nil
            }
        }

        /// Whether the text begins (after a byte-order mark, space, an XML declaration,
        /// comments and a doctype) with an `<svg` element.
        private static func isSVG(_ bytes: [UInt8]) -> Bool {
            var text = Substring(String(decoding: bytes.prefix(4096), as: UTF8.self))
            if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
            while true {
                text = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
                if text.hasPrefix("<svg") { return true }
                let closing: String
                if text.hasPrefix("<?") { closing = "?>" } else if text.hasPrefix("<!--") { closing = "-->" } else if text.hasPrefix("<!") { closing = ">" } else { return false }
                guard let end = text.range(of: closing) else { return false }
                text = text[end.upperBound...]
            }
        }
    }

    /// The logo as a `data:` URI, so that a page that is mailed or printed from another folder
    /// still shows it.
    public var dataURI: String {
        "data:\(kind.mediaType);base64," + Data(bytes).base64EncodedString()
    }
}

/// An accent colour (`#rrggbb`) with the shade used for text in it: the colour itself when
/// text in it on white has a contrast of at least 4.5:1 (WCAG 2.2 AA for body text),
/// otherwise the colour darkened, step by step, until it has.
public struct AccentColour: Sendable, Equatable {
    /// The colour as written, in lower case (`#f2b134`): rules, bars and borders.
    public var hex: String
    /// The shade for text on white (`#8a6514` for `#f2b134`).
    public var textHex: String

    /// The contrast text needs against white.
    public static let minimumContrast = 4.5

    /// The colour `text` names (`#rrggbb`, either case), or `nil`.
    public init?(_ text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#"),
              let rgb = Self.channels(text) else { return nil }
        hex = text.lowercased()
        textHex = Self.textShade(rgb)
    }

    /// The contrast of `hex` against white, as WCAG defines it (1…21).
    public static func contrastOnWhite(_ hex: String) -> Double {
        guard let rgb = channels(hex) else { return 1 }
        return 1.05 / (luminance(rgb) + 0.05)
    }

    private static func channels(_ text: String) -> (Double, Double, Double)? {
        let scalars = Array(text.unicodeScalars.dropFirst())
        guard scalars.count == 6, scalars.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return nil }
        func channel(_ index: Int) -> Double? { UInt8(String(String.UnicodeScalarView(scalars[index..<index + 2])), radix: 16).map(Double.init) }
        guard let red = channel(0), let green = channel(2), let blue = channel(4) else { return nil }
        return (red, green, blue)
    }

    private static func luminance(_ rgb: (Double, Double, Double)) -> Double {
        func linear(_ value: Double) -> Double {
            let c = value / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }

    /// The colour scaled towards black in steps of 2% until text in it reaches the contrast.
    private static func textShade(_ rgb: (Double, Double, Double)) -> String {
        var factor = 1.0
        while factor > 0 {
            let shade = (rgb.0 * factor, rgb.1 * factor, rgb.2 * factor)
            let rounded = (shade.0.rounded(), shade.1.rounded(), shade.2.rounded())
            if 1.05 / (luminance(rounded) + 0.05) >= minimumContrast { return hexText(rounded) }
            factor -= 0.02
        }
        return "#000000"
    }

    private static func hexText(_ rgb: (Double, Double, Double)) -> String {
        func pair(_ value: Double) -> String {
            let text = String(Int(value), radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        return "#" + pair(rgb.0) + pair(rgb.1) + pair(rgb.2)
    }
}
