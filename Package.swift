// swift-tools-version:6.1
// Playbook: Markdown playbook content and client scenario data in, HTML site and EPUB 3 books out.
//
// One module per outside library (see ARCHITECTURE.md):
//   CCmark + PlaybookMarkdown  — cmark (Debian's libcmark-dev), imported by one file only
//   CXLSXWriter + PlaybookXLSX — libxlsxwriter (Debian's libxlsxwriter-dev), imported by one file only
//   PlaybookYAML               — Yams
//   PlaybookTemplates          — swift-mustache
//   CZlib + PlaybookZip        — zlib (Debian's zlib1g-dev), imported by one file only
//   PlaybookServe              — Hummingbird 2 (the preview server)
//   PlaybookChromium           — headless Chromium (the PDF of a report), driven over a pipe
//   PlaybookPandoc             — Pandoc (Debian's pandoc), run to convert Word documents for `playbook import docx`
//   playbook (executable)      — swift-argument-parser; CJemalloc — jemalloc (Debian's libjemalloc-dev), the process's allocator
// PlaybookCore depends on nothing; PlaybookKit is the pipeline that ties the doors together.
import PackageDescription

let package = Package(
    name: "Playbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "playbook", targets: ["playbook"]),
        .library(name: "PlaybookKit", targets: ["PlaybookKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // No default traits: the preview server needs neither swift-configuration nor full Foundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph through Hummingbird; named because PlaybookServe imports NIOCore
        // and NIOHTTPTypes for EventStreamHangUp, the channel handler that closes a live-reload
        // stream whose page went away.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // Linked into the executable only: it gives the whole process its malloc and free.
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"]), .brew(["jemalloc"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "PlaybookCore"),
        .target(name: "PlaybookFinance"),
        .target(name: "PlaybookScenario", dependencies: ["PlaybookCore", "PlaybookFinance", "PlaybookYAML"]),
        .target(name: "PlaybookMarkdown", dependencies: ["PlaybookCore", "CCmark"]),
        // The one door to libxlsxwriter: workbooks, sheets, formats, formulas, defined names.
        .target(name: "PlaybookXLSX", dependencies: ["PlaybookCore", "CXLSXWriter"]),
        .target(
            name: "PlaybookYAML",
            // YAMLParser also imports CYaml, the libyaml target inside Yams (Yams exports no
            // product for it; it comes with the Yams product), to count alias expansion on
            // libyaml's parse events before Yams composes the tree.
            dependencies: ["PlaybookCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "PlaybookTemplates",
            dependencies: ["PlaybookCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The one door to zlib: CRC-32 and raw deflate for EPUBs, inflate to read archives back.
        .target(name: "PlaybookZip", dependencies: ["CZlib"]),
        // The one door to Chromium, an outside program: it prints a report's page to PDF.
        .target(name: "PlaybookChromium", dependencies: ["PlaybookCore"]),
        // The one door to Pandoc, an outside program: it converts a Word document for `playbook import docx`.
        .target(name: "PlaybookPandoc", dependencies: ["PlaybookCore"]),
        // The stages of a build, one module each, in the order the data flows; each depends
        // only on the modules above it (see ARCHITECTURE.md, "Modules").
        .target(name: "PlaybookFiles", dependencies: ["PlaybookCore"]),
        .target(name: "PlaybookSession", dependencies: ["PlaybookCore", "PlaybookFiles"]),
        .target(name: "PlaybookXHTML", dependencies: ["PlaybookCore"]),
        .target(
            name: "PlaybookLoad",
            dependencies: ["PlaybookCore", "PlaybookFiles", "PlaybookSession", "PlaybookMarkdown", "PlaybookYAML",
                           "PlaybookTemplates", "PlaybookScenario"]
        ),
        .target(
            name: "PlaybookEvaluate",
            dependencies: ["PlaybookCore", "PlaybookXHTML", "PlaybookYAML", "PlaybookScenario", "PlaybookFinance"]
        ),
        .target(
            name: "PlaybookTransform",
            dependencies: ["PlaybookCore", "PlaybookSession", "PlaybookXHTML", "PlaybookEvaluate", "PlaybookScenario"]
        ),
        .target(
            name: "PlaybookRender",
            dependencies: ["PlaybookCore", "PlaybookSession", "PlaybookXHTML", "PlaybookLoad", "PlaybookEvaluate",
                           "PlaybookTemplates", "PlaybookZip", "PlaybookScenario", "PlaybookFinance", "PlaybookXLSX"]
        ),
        .target(name: "PlaybookWrite", dependencies: ["PlaybookCore", "PlaybookFiles", "PlaybookSession"]),
        // `playbook import`: an mdBook book, a Markdown folder or a Word document made a Playbook book.
        .target(name: "PlaybookImport", dependencies: ["PlaybookCore", "PlaybookFiles", "PlaybookPandoc"]),
        .target(
            name: "PlaybookKit",
            dependencies: ["PlaybookCore", "PlaybookSession", "PlaybookFiles", "PlaybookLoad", "PlaybookEvaluate",
                           "PlaybookTransform", "PlaybookRender", "PlaybookWrite", "PlaybookTemplates", "PlaybookScenario", "PlaybookFinance",
                           "PlaybookChromium"]
        ),
        .target(
            name: "PlaybookServe",
            dependencies: ["PlaybookKit", "PlaybookCore", "PlaybookSession", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdCore", package: "hummingbird"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "playbook",
            dependencies: ["PlaybookCore", "PlaybookKit", "PlaybookLoad", "PlaybookScenario", "PlaybookServe", "PlaybookRender",
                           "PlaybookImport", "CJemalloc", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "PlaybookCoreTests", dependencies: ["PlaybookCore"]),
        .testTarget(name: "PlaybookFinanceTests", dependencies: ["PlaybookFinance"]),
        .testTarget(name: "PlaybookScenarioTests", dependencies: ["PlaybookScenario", "PlaybookCore", "PlaybookFinance"]),
        .testTarget(name: "PlaybookMarkdownTests", dependencies: ["PlaybookCore", "PlaybookMarkdown"]),
        .testTarget(name: "PlaybookZipTests", dependencies: ["PlaybookZip"]),
        .testTarget(name: "PlaybookXLSXTests", dependencies: ["PlaybookXLSX", "PlaybookCore", "PlaybookZip"]),
        .testTarget(
            name: "PlaybookKitTests",
            dependencies: ["PlaybookKit", "PlaybookCore", "PlaybookSession", "PlaybookFiles", "PlaybookXHTML", "PlaybookLoad",
                           "PlaybookEvaluate", "PlaybookTransform", "PlaybookRender", "PlaybookWrite", "PlaybookYAML",
                           "PlaybookTemplates", "PlaybookZip", "PlaybookScenario", "PlaybookMarkdown", "PlaybookChromium"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PlaybookServeTests",
            dependencies: ["PlaybookServe", "PlaybookKit", "PlaybookCore",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["playbook", "PlaybookCore"], exclude: ["Fixtures"]),
        .testTarget(name: "PlaybookImportTests", dependencies: ["PlaybookImport", "PlaybookCore"], exclude: ["Fixtures"]),
    ]
)
