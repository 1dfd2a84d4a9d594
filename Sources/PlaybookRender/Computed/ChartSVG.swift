import PlaybookCore

/// Writes the SVG of a chart: well-formed XML that is also valid inline SVG in HTML, with a
/// `<title>` and a `<desc>` that screen readers announce, shapes classed for CSS to colour
/// (`pb-positive`, `pb-negative`, `pb-cost`, `pb-benefit`, `pb-line`, `pb-axis`, `pb-marker`,
/// `pb-label`), and coordinates printed with one decimal so the same data gives the same bytes.
struct ChartSVG {
    /// The drawing area, in SVG units.
    static let width = 640.0
    let height: Double
    private var body = ""

    init(height: Double) {
        self.height = height
    }

    /// The finished `<svg>` element; `id` must be unique in the page.
    func svg(id: String, title: String, description: String) -> String {
        let w = Self.number(Self.width), h = Self.number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pb-chart-svg\" viewBox=\"0 0 \(w) \(h)\" role=\"img\""
            + " aria-labelledby=\"\(id)-title \(id)-desc\">\n"
            + "<title id=\"\(id)-title\">\(XMLEscaping.text(title))</title>\n"
            + "<desc id=\"\(id)-desc\">\(XMLEscaping.text(description))</desc>\n"
            + body + "</svg>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class name: String) {
        let top = height < 0 ? y + height : y
        body += "<rect class=\"\(name)\" x=\"\(Self.number(x))\" y=\"\(Self.number(top))\" width=\"\(Self.number(max(width, 0)))\""
            + " height=\"\(Self.number(abs(height)))\"/>\n"
    }

    /// A horizontal bar between two x positions.
    mutating func bar(from x1: Double, to x2: Double, y: Double, height: Double, class name: String) {
        rect(x: min(x1, x2), y: y, width: abs(x2 - x1), height: height, class: name)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class name: String) {
        body += "<line class=\"\(name)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], class name: String) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body += "<polyline class=\"\(name)\" points=\"\(list)\"/>\n"
    }

    mutating func circle(x: Double, y: Double, radius: Double, class name: String) {
        body += "<circle class=\"\(name)\" cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\"/>\n"
    }

    /// Text; `anchor` is `start`, `middle` or `end`.
    mutating func text(_ text: String, x: Double, y: Double, anchor: String = "start", class name: String = "pb-label") {
        body += "<text class=\"\(name)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\">"
            + XMLEscaping.text(text) + "</text>\n"
    }

    /// A coordinate with at most one decimal, without a trailing `.0`.
    /// Coordinates are bounded to ±1,000,000 (and a value that is not finite is 0) before they
    /// become an `Int`, so that no figure can trap the conversion.
    static func number(_ value: Double) -> String {
        let bounded = value.isFinite ? Swift.min(Swift.max(value, -1_000_000), 1_000_000) : 0
        let tenths = Int((bounded * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}

/// A linear scale from data values to SVG coordinates, with a range that includes zero.
struct ChartScale {
    /// Half the lowest value shown, and half the highest: halves, so that the width of a range
    /// from −1e308 to 1e308 is a finite number.
    let lowHalf: Double
    let highHalf: Double
    let start: Double
    let end: Double

    /// A scale for `values` (and zero) onto `start…end`, with a little room at both ends.
    init(values: [Double], start: Double, end: Double) {
        let finite = values.filter(\.isFinite)
        let low = min(finite.min() ?? 0, 0) / 2
        var high = max(finite.max() ?? 0, 0) / 2
        if high == low { high = low + 0.5 }
        let pad = (high - low) * 0.05
        lowHalf = low < 0 ? low - pad : low
        highHalf = high + pad
        self.start = start
        self.end = end
    }

    func callAsFunction(_ value: Double) -> Double {
        start + (value / 2 - lowHalf) / (highHalf - lowHalf) * (end - start)
    }
}
