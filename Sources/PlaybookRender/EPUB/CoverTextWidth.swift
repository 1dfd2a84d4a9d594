/// How wide text is drawn on the cover, measured with the advance widths of DejaVu Serif Bold
/// and DejaVu Sans (Debian's default serif and sans-serif, and among the widest of the fonts a
/// reader may use for `serif` and `sans-serif`), so that a line measured to fit fits in
/// narrower fonts too. Widths are in thousandths of the font size.
enum CoverTextWidth {
    /// Which of the cover's fonts.
    enum Face {
        case serifBold, sans
    }

    /// Advance widths of the printable ASCII characters (U+0020 to U+007E) in DejaVu Serif Bold.
    private static let serifBold: [Int] = [
        348, 439, 521, 838, 696, 950, 903, 306, 473, 473, 523, 838, 348, 415, 348, 365, 696, 696, 696,
        696, 696, 696, 696, 696, 696, 696, 369, 369, 838, 838, 838, 586, 1000, 776, 845, 796, 867, 762,
        710, 854, 945, 468, 473, 869, 703, 1107, 914, 871, 752, 871, 831, 722, 744, 872, 776, 1123, 776,
        714, 730, 473, 365, 473, 838, 500, 500, 648, 699, 609, 699, 636, 430, 699, 727, 380, 362, 693,
        380, 1058, 727, 667, 699, 699, 527, 563, 462, 727, 581, 861, 596, 581, 568, 643, 364, 643, 838,
    ]

    /// Advance widths of the printable ASCII characters (U+0020 to U+007E) in DejaVu Sans.
    private static let sans: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
        636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
        575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
        611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
        278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]

    /// The width of `text` at `size` in `face`, with `spacing` added after each character
    /// (SVG's `letter-spacing`). Characters outside ASCII count as wide as an `M` (CJK as a
    /// full em), so that a measured line errs on the wide side.
    static func width(_ text: String, size: Double, face: Face, spacing: Double = 0) -> Double {
        let table = face == .serifBold ? serifBold : sans
        var thousandths = 0
        var count = 0
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value >= 32, value < 127 {
                thousandths += table[value - 32]
            } else {
                thousandths += value >= 0x2E80 ? 1000 : table[Int(("M" as Unicode.Scalar).value) - 32]
            }
            count += 1
        }
        return Double(thousandths) * size / 1000 + Double(count) * spacing
    }
}
