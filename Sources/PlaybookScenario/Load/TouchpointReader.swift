import PlaybookCore
import PlaybookFinance

/// Reads conversion paths from a CSV file with one row per touch:
///
/// ```text
/// conversion,channel,days_before_conversion,value
/// c001,social,21,$600
/// c001,search,14,
/// c001,social,0,
/// ```
///
/// A conversion's value is written on one of its rows (or the same on all of them); touches
/// are put in time order by how long before the conversion they happened.
enum TouchpointReader {
    static let columns = ["conversion", "channel", "days_before_conversion", "value"]

    static func read(_ file: SourceFile, currency: String) -> ([Attribution.Path], [Diagnostic]) {
        let table: CSVTable
        switch CSVTable.read(file) {
        case .success(let read): table = read
        case .failure(let diagnostic): return ([], [diagnostic])
        }
        guard let header = table.rows.first else {
            return ([], [.error(.csvEmpty, "the file has no header row", at: file.start,
                                hint: "the first row names the columns: " + columns.joined(separator: ","))])
        }
        var diagnostics: [Diagnostic] = []
        var positions: [String: Int] = [:]
        for (index, cell) in header.enumerated() {
            let name = cell.text.trimmingCharacters(in: .whitespaces).lowercased()
            guard columns.contains(name) else {
                diagnostics.append(.error(.csvColumn, "unknown column '\(cell.text)'", at: table.location(of: cell),
                                          hint: NearestName.hint(for: name, among: columns) ?? "the columns are: " + columns.joined(separator: ", ")))
                continue
            }
            positions[name] = index
        }
        for column in columns where positions[column] == nil {
            diagnostics.append(.error(.csvColumn, "the column '\(column)' is missing", at: table.location(of: header[0]),
                                      hint: "the columns are: " + columns.joined(separator: ", ")))
        }
        guard diagnostics.isEmpty, let conversionColumn = positions["conversion"], let channelColumn = positions["channel"],
              let daysColumn = positions["days_before_conversion"], let valueColumn = positions["value"] else {
            return ([], diagnostics)
        }
        var order: [String] = []
        var touches: [String: [Attribution.Touch]] = [:]
        var values: [String: (Double, CSVTable.Cell)] = [:]
        for row in table.rows.dropFirst() {
            func cell(_ column: Int) -> CSVTable.Cell? { column < row.count ? row[column] : nil }
            guard row.count == header.count, let conversion = cell(conversionColumn), let channel = cell(channelColumn),
                  let days = cell(daysColumn), let value = cell(valueColumn) else {
                let first = row.first ?? header[0]
                diagnostics.append(.error(.csvRow, "this row has \(row.count) cells but the header has \(header.count)",
                                          at: table.location(of: first)))
                continue
            }
            let id = conversion.text.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else {
                diagnostics.append(.error(.csvCell, "the conversion is empty", at: table.location(of: conversion)))
                continue
            }
            let channelName = channel.text.trimmingCharacters(in: .whitespaces)
            guard !channelName.isEmpty else {
                diagnostics.append(.error(.csvCell, "the channel is empty", at: table.location(of: channel)))
                continue
            }
            guard let dayCount = Double(days.text.trimmingCharacters(in: .whitespaces)), dayCount >= 0, dayCount.isFinite else {
                diagnostics.append(.error(.csvCell, "'\(days.text)' is not a number of days", at: table.location(of: days),
                                          hint: "write how many days before the conversion the touch happened, such as 14 or 0.5"))
                continue
            }
            let valueText = value.text.trimmingCharacters(in: .whitespaces)
            if !valueText.isEmpty {
                switch QuantityLiteral.parse(valueText, currency: currency) {
                case .success(let quantity) where quantity.unit.isMoney || quantity.unit.isDimensionless && !quantity.unit.isPercent:
                    if let (existing, where_) = values[id], existing != quantity.value {
                        diagnostics.append(.error(.csvCell, "conversion '\(id)' already has the value \(existing)", at: table.location(of: value),
                                                  notes: [.init("first given here", at: table.location(of: where_))]))
                    } else {
                        values[id] = (quantity.value, value)
                    }
                default:
                    diagnostics.append(.error(.csvCell, "'\(valueText)' is not an amount of money", at: table.location(of: value),
                                              hint: "write the conversion's value, such as 600 or $600"))
                    continue
                }
            }
            if touches[id] == nil { order.append(id) }
            touches[id, default: []].append(Attribution.Touch(channel: channelName, daysBeforeConversion: dayCount))
        }
        var paths: [Attribution.Path] = []
        for id in order {
            guard let (value, _) = values[id] else {
                let first = table.rows.dropFirst().first { $0.count > conversionColumn && $0[conversionColumn].text.trimmingCharacters(in: .whitespaces) == id }
                diagnostics.append(.error(.csvCell, "conversion '\(id)' has no value", at: first.map { table.location(of: $0[valueColumn]) } ?? file.start,
                                          hint: "write the conversion's value in the 'value' column of one of its rows"))
                continue
            }
            let sorted = (touches[id] ?? []).enumerated().sorted {
                ($0.element.daysBeforeConversion, $1.offset) > ($1.element.daysBeforeConversion, $0.offset)
            }.map(\.element)
            paths.append(Attribution.Path(touches: sorted, value: value))
        }
        return (paths, diagnostics)
    }
}

import Foundation
