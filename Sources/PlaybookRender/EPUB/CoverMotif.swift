/// A book's motif on its drawn cover: a geometric pattern in the accent colour, faint, in the
/// cover's lower right, behind the text. Each position in the series has its own pattern
/// (rings, stripes, dots, triangles, hexagons, diamonds, then again), and the book's title
/// shifts it a little, so that no two covers of a series look alike. Integers only, so the
/// same book always gets the same drawing.
struct CoverMotif {
    /// Which pattern: the book's position in the series less one; negative for a client report (a frame of lines).
    let kind: Int
    /// From the title (``seed(_:)``): shifts and sizes the pattern.
    let seed: UInt32
    /// The accent colour.
    let colour: String

    /// A number from the title's bytes (FNV-1a), the same on every build.
    static func seed(_ title: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in title.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// The pattern as an SVG group.
    var svg: String {
        let shift = Int(seed % 24), size = 36 + Int((seed >> 8) % 16)
        var shapes: [String] = []
        switch kind < 0 ? -1 : kind % 6 {
        case 0:
            // Rings around a centre in the lower right.
            let centreX = 520 - shift, centreY = 780 - shift
            for radius in stride(from: size / 2, through: 460, by: size) {
                shapes.append("<circle cx=\"\(centreX)\" cy=\"\(centreY)\" r=\"\(radius)\" fill=\"none\" stroke-width=\"9\"/>")
            }
        case 1:
            // Diagonal stripes rising to the right.
            for offset in stride(from: 160 + shift, through: 1100, by: size + 12) {
                shapes.append("<line x1=\"\(offset - 500)\" y1=\"900\" x2=\"\(offset)\" y2=\"400\" stroke-width=\"12\"/>")
            }
        case 2:
            // A grid of dots growing towards the corner.
            for row in 0..<12 {
                for column in 0..<10 {
                    let x = 250 + column * 38 + (row % 2) * 19 - shift / 2, y = 470 + row * 38
                    let radius = 2 + (row + column) / 3
                    shapes.append("<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(radius)\"/>")
                }
            }
        case 3:
            // Rows of triangles, pointing up and down in turn.
            let side = size + 14, height = side * 87 / 100
            var y = 480 - shift
            var row = 0
            while y < 900 {
                var x = 200 + (row % 2) * side / 2
                var up = true
                while x < 640 {
                    let points = up
                        ? "\(x),\(y + height) \(x + side / 2),\(y) \(x + side),\(y + height)"
                        : "\(x),\(y) \(x + side / 2),\(y + height) \(x + side),\(y)"
                    shapes.append("<polygon points=\"\(points)\" fill=\"none\" stroke-width=\"4\"/>")
                    x += side / 2
                    up.toggle()
                }
                y += height
                row += 1
            }
        case 4:
            // Hexagons, tiled.
            let radius = size / 2 + 8
            let step = radius * 173 / 100
            for row in 0..<14 {
                for column in 0..<8 {
                    let x = 240 + column * step + (row % 2) * step / 2 - shift, y = 470 + row * radius * 3 / 2
                    let points = (0..<6).map { corner -> String in
                        let (dx, dy) = Self.hexagonCorners[corner]
                        return "\(x + dx * radius / 100),\(y + dy * radius / 100)"
                    }.joined(separator: " ")
                    shapes.append("<polygon points=\"\(points)\" fill=\"none\" stroke-width=\"4\"/>")
                }
            }
        case 5:
            // Diamonds, nested.
            let centreX = 500 - shift, centreY = 760
            for half in stride(from: size / 2, through: 420, by: size / 2 + 10) {
                let points = "\(centreX),\(centreY - half) \(centreX + half),\(centreY) \(centreX),\(centreY + half) \(centreX - half),\(centreY)"
                shapes.append("<polygon points=\"\(points)\" fill=\"none\" stroke-width=\"6\"/>")
            }
        default:
            // A client report: a frame of thin lines, outside the text's 48-unit margins.
            for inset in stride(from: 12, through: 32, by: 10) {
                shapes.append("<rect x=\"\(inset)\" y=\"\(inset + 14)\" width=\"\(600 - 2 * inset)\" height=\"\(886 - 2 * inset)\" fill=\"none\" stroke-width=\"1.5\"/>")
            }
        }
        return "<g class=\"cover-motif\" fill=\"\(colour)\" stroke=\"\(colour)\" opacity=\"0.2\" aria-hidden=\"true\">\n"
            + shapes.joined(separator: "\n") + "\n</g>"
    }

    /// A hexagon's corners around its centre, in hundredths of its radius (pointy side up).
    private static let hexagonCorners = [(0, -100), (87, -50), (87, 50), (0, 100), (-87, 50), (-87, -50)]
}
