import PlaybookCore
import PlaybookChromium

/// Prints a page whose contents give the page each part starts on: a report's or a book's PDF.
///
/// Chromium has no `target-counter()`, so the page is printed twice: the first PDF (untagged,
/// quicker) says on which page each part starts (its named destinations, `/Dests`), the page
/// is printed again with those numbers in the contents — in room kept for them, so nothing
/// moves — and the second PDF must put every part on the same page (else once more, at most
/// ``passes`` times). The PDF's dates are then `date` and its structure elements' ids are
/// renumbered from 1, so that a rebuild gives the same bytes.
enum ContentsPrinting {
    /// Why a page could not be printed, in words that follow "could not be made: ".
    struct Failure: Error, Sendable {
        var reason: String
    }

    /// How many times a page is printed at most to get its contents' page numbers right.
    static let passes = 3

    /// The PDF of the page `page(numbers)` makes, where `numbers` gives the page of each id of
    /// `ids` (empty at first), or why there is none.
    static func print(ids: [String], paper: Paper, date: Timestamp, printer: ChromiumPrinter,
                      page: ([String: Int]) -> String) async -> Result<[UInt8], Failure> {
        let inches = paper.inches
        let size = ChromiumPrinter.Paper(width: inches.width, height: inches.height)
        var numbers: [String: Int] = [:]
        for pass in 1...passes {
            let html = page(numbers)
            var pdf: PrintedPDF
            let found: [String: Int]
            do {
                pdf = PrintedPDF(try await printer.print(html, paper: size, tagged: pass > 1))
                found = try pdf.destinationPages()
            } catch let problem as ChromiumError {
                return .failure(Failure(reason: problem.description))
            } catch {
                return .failure(Failure(reason: "the printed PDF could not be read: \(error)"))
            }
            var pages: [String: Int] = [:]
            for id in ids {
                guard let number = found[id] else { return .failure(Failure(reason: "the printed PDF does not say on which page '\(id)' starts")) }
                pages[id] = number
            }
            if pass > 1, pages == numbers {
                pdf.renumberElementIDs()
                let components = date.components
                do {
                    try pdf.setDates(year: components.year, month: components.month, day: components.day, hour: components.hour,
                                     minute: components.minute, second: components.second)
                } catch {
                    return .failure(Failure(reason: "the printed PDF's dates could not be set: \(error)"))
                }
                return .success(pdf.bytes)
            }
            numbers = pages
        }
        return .failure(Failure(reason: "the contents' page numbers still moved after \(passes) printings"))
    }
}
