/// A scenario formula in Excel's language, over defined names, so that a workbook recomputes
/// what Playbook computes.
///
/// Cells hold values in the unit the scenario shows them in (``Unit/shown(_:)``): 6.5 for
/// 6.5 min/call, 39 for $39/h, 0.7 for 70%. Playbook computes in base units (seconds, per
/// second), so every name is converted to base units where the formula reads it
/// (`handle_time*60`, `loaded_cost_per_hour/3600`) and the result back to the unit the metric is
/// shown in (`(…)*60` for $/min). Literals are written in the unit they were written in
/// (`12 min` is `12*60`).
///
/// The functions:
///
/// | Playbook | Excel |
/// |---|---|
/// | `min(a, b, …)`, `max(a, b, …)` | `MIN(a,b,…)`, `MAX(a,b,…)` |
/// | `abs(x)`, `sqrt(x)` | `ABS(x)`, `SQRT(x)` |
/// | `round(x)`, `round(x, d)` | `ROUND(x,0)`, `ROUND(x,d)` (both round half away from zero) |
/// | `floor(x)`, `ceil(x)` | `INT(x)`, `-INT(-x)` (towards −∞ and +∞ for any sign) |
/// | `clamp(x, lo, hi)` | `MIN(MAX(x,lo),hi)` |
/// | `pow(x, n)` | `POWER(x,n)` |
/// | `clv(m, r, i)` | `IF(1+i-r>0,m*r/(1+i-r),NA())` |
/// | `clv_start(m, r, i)` | `IF(1+i-r>0,m*(1+i)/(1+i-r),NA())` |
/// | `pv(i, n, a)` | `IF(AND(n>=0,i>-1),-PV(i,n,a),NA())` (Excel's PV is negative for a positive payment) |
///
/// Where Playbook has no value (a lifetime value without limit, `pv` outside its domain) the
/// cell shows `#N/A`; a division by zero shows `#DIV/0!`.
package struct ExcelFormula {
    /// The unit of each name the formula may use (inputs and metrics).
    package var unitOf: (String) -> Unit?
    /// The defined name of each scenario name (``definedName(for:)`` unless the workbook says otherwise).
    package var naming: (String) -> String

    /// A translator for names with the units `unitOf` gives.
    package init(unitOf: @escaping (String) -> Unit?, naming: @escaping (String) -> String = ExcelFormula.definedName(for:)) {
        self.unitOf = unitOf
        self.naming = naming
    }

    /// A translator for the names of a compiled model.
    package init(model: CompiledModel) {
        self.init(unitOf: { model.unit(of: $0) })
    }

    /// The text of a cell (`=…`) that shows `expression` in `unit` (the unit the metric is shown in).
    package func cell(_ expression: Expression, shownIn unit: Unit) -> String {
        "=" + Self.scaled(translate(expression), toShown: unit).text
    }

    /// A translated piece: its text and how tightly it binds (so that parentheses go only where needed).
    struct Piece {
        var text: String
        /// 1 for + and −, 2 for × and ÷, 3 for unary minus, 4 for ^, 9 for atoms and calls.
        var binding: Int
    }

    private static let atom = 9

    /// `expression` in base units.
    func translate(_ expression: Expression) -> Piece {
        switch expression {
        case .literal(let quantity, _):
            return Self.scaled(Piece(text: Self.number(quantity.unit.shown(quantity.value)), binding: Self.atom), fromShown: quantity.unit)
        case .name(let name, _):
            let piece = Piece(text: naming(name), binding: Self.atom)
            guard let unit = unitOf(name) else { return piece }
            return Self.scaled(piece, fromShown: unit)
        case .group(let inner):
            return Piece(text: "(" + translate(inner).text + ")", binding: Self.atom)
        case .negate(let inner, _):
            let operand = translate(inner)
            // Excel's unary minus binds tighter than ^ (−2^2 is 4), so anything but an atom is wrapped.
            return Piece(text: "-" + Self.wrap(operand, below: Self.atom), binding: 3)
        case .binary(let op, let left, let right, _):
            let l = translate(left), r = translate(right)
            switch op {
            case .add: return Piece(text: Self.wrap(l, below: 1) + "+" + Self.wrap(r, below: 1), binding: 1)
            case .subtract: return Piece(text: Self.wrap(l, below: 1) + "-" + Self.wrap(r, below: 2), binding: 1)
            case .multiply: return Piece(text: Self.wrap(l, below: 2) + "*" + Self.wrap(r, below: 2), binding: 2)
            case .divide: return Piece(text: Self.wrap(l, below: 2) + "/" + Self.wrap(r, below: 3), binding: 2)
            // Playbook's ^ groups to the right, Excel's to the left: both sides are wrapped unless atoms.
            case .power: return Piece(text: Self.wrap(l, below: Self.atom) + "^" + Self.wrap(r, below: Self.atom), binding: 4)
            }
        case .call(let name, let arguments, _):
            let args = arguments.map { translate($0).text }
            return Piece(text: Self.call(name, args), binding: Self.atom)
        }
    }

    /// A function call over translated arguments (each a complete expression).
    static func call(_ name: String, _ args: [String]) -> String {
        func arg(_ index: Int) -> String { index < args.count ? args[index] : "0" }
        /// An argument used inside a larger expression: in parentheses unless a plain name or number.
        func part(_ index: Int) -> String {
            let text = arg(index)
            return text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." })
                ? text : "(" + text + ")"
        }
        guard let function = FormulaFunction(rawValue: name) else { return "NA()" }
        switch function {
        case .min: return "MIN(" + args.joined(separator: ",") + ")"
        case .max: return "MAX(" + args.joined(separator: ",") + ")"
        case .abs: return "ABS(\(arg(0)))"
        case .sqrt: return "SQRT(\(arg(0)))"
        case .round: return "ROUND(\(arg(0)),\(args.count > 1 ? arg(1) : "0"))"
        case .floor: return "INT(\(arg(0)))"
        case .ceil: return "-INT(-\(part(0)))"
        case .clamp: return "MIN(MAX(\(arg(0)),\(arg(1))),\(arg(2)))"
        case .pow: return "POWER(\(arg(0)),\(arg(1)))"
        case .clv, .clv_start:
            let denominator = "1+\(part(2))-\(part(1))"
            let numerator = function == .clv ? "\(part(0))*\(part(1))" : "\(part(0))*(1+\(part(2)))"
            return "IF(\(denominator)>0,\(numerator)/(\(denominator)),NA())"
        case .pv:
            return "IF(AND(\(part(1))>=0,\(part(0))>-1),-PV(\(arg(0)),\(arg(1)),\(arg(2))),NA())"
        }
    }

    /// How many base units one shown unit is: 60 for minutes (time¹), 1/3600 for "per hour".
    /// As (multiplier, divisor) so that the text stays exact (`*60`, `/3600`).
    static func factor(_ unit: Unit) -> (multiply: Double, divide: Double) {
        guard unit.time != 0 else { return (1, 1) }
        var power = 1.0
        for _ in 0..<Swift.abs(unit.time) { power *= unit.shownTimeUnit.seconds }
        return unit.time > 0 ? (power, 1) : (1, power)
    }

    /// A value in `unit`'s shown unit, converted to base units.
    static func scaled(_ piece: Piece, fromShown unit: Unit) -> Piece {
        let (multiply, divide) = factor(unit)
        if multiply != 1 { return Piece(text: wrap(piece, below: 2) + "*" + number(multiply), binding: 2) }
        if divide != 1 { return Piece(text: wrap(piece, below: 2) + "/" + number(divide), binding: 2) }
        return piece
    }

    /// A value in base units, converted to `unit`'s shown unit.
    static func scaled(_ piece: Piece, toShown unit: Unit) -> Piece {
        let (multiply, divide) = factor(unit)
        if multiply != 1 { return Piece(text: wrap(piece, below: 2) + "/" + number(multiply), binding: 2) }
        if divide != 1 { return Piece(text: wrap(piece, below: 2) + "*" + number(divide), binding: 2) }
        return piece
    }

    /// `piece` in parentheses when it binds less tightly than `binding`.
    static func wrap(_ piece: Piece, below binding: Int) -> String {
        piece.binding < binding ? "(" + piece.text + ")" : piece.text
    }

    /// A number as Excel reads it: whole numbers without a decimal point, others in the
    /// shortest form that reads back as the same Double (`0.085`, `1.5E-07`).
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "NA()" }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)".replacingOccurrences(of: "e", with: "E")
    }

    /// The defined name for a scenario name: the name itself, or with `_` in front when Excel
    /// would read it as a cell address (`fte2` is column FTE, row 2; `r2c3`, `r`, `c`) or a
    /// boolean. Excel's names ignore case, so the workbook builder checks that the names of a
    /// scenario stay distinct.
    package static func definedName(for name: String) -> String {
        looksLikeReference(name) ? "_" + name : name
    }

    /// Whether Excel would read `name` as a cell reference (A1 or R1C1 style) or a constant.
    static func looksLikeReference(_ name: String) -> Bool {
        let upper = name.uppercased()
        if upper == "TRUE" || upper == "FALSE" || upper == "R" || upper == "C" { return true }
        let scalars = Array(upper.unicodeScalars)
        // A1: one to three letters up to XFD, then a row from 1 to 1048576.
        let letters = scalars.prefix { ("A"..."Z").contains($0) }
        let digits = scalars.dropFirst(letters.count)
        if (1...3).contains(letters.count), !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }) {
            var column = 0
            for letter in letters { column = column * 26 + Int(letter.value - 64) }
            let row = Int(String(String.UnicodeScalarView(digits))) ?? Int.max
            if column <= 16_384, row >= 1, row <= 1_048_576 { return true }
        }
        // R1C1: R, digits?, C, digits? (or R/C with digits alone).
        var index = 0
        func digitsRun() -> Int {
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            return index - start
        }
        if index < scalars.count, scalars[index] == "R" {
            index += 1
            _ = digitsRun()
            if index == scalars.count { return true }
        }
        if index < scalars.count, scalars[index] == "C" {
            index += 1
            _ = digitsRun()
            if index == scalars.count { return true }
        }
        return false
    }
}
