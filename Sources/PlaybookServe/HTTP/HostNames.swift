/// The host names the preview answers to: a defence against DNS rebinding.
///
/// A page on another site can point a name it controls (`evil.example`) at 127.0.0.1 and then
/// read the preview as if it were its own origin. The browser still sends the name it used in
/// the `Host` header, so a server listening on loopback answers only the names that mean this
/// machine (`localhost`, `127.0.0.1`, `[::1]`, with any port) and the `--host` it was given.
/// A server listening on another address was exposed on purpose and answers every name.
struct HostNames: Sendable {
    /// The names admitted (lowercase, IPv6 in brackets), or nil when every name is.
    let admitted: Set<String>?

    /// The names a server listening on `host` answers to.
    init(listeningOn host: String, loopback: Bool) {
        guard loopback else {
            admitted = nil
            return
        }
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let given = host.lowercased()
        names.insert(given.contains(":") && !given.hasPrefix("[") ? "[\(given)]" : given)
        admitted = names
    }

    /// The name of an authority (`Host` header) without its port: `localhost:8000` is
    /// `localhost`, `[::1]:8000` is `[::1]`. Nil when it is not a host with an optional numeric port.
    static func name(of authority: String) -> String? {
        let lowered = authority.lowercased()
        var name = Substring(lowered)
        var port: Substring = ""
        if lowered.hasPrefix("[") {
            guard let close = lowered.firstIndex(of: "]") else { return nil }
            name = lowered[...close]
            let rest = lowered[lowered.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                port = rest.dropFirst()
            }
        } else if let colon = lowered.firstIndex(of: ":") {
            name = lowered[..<colon]
            port = lowered[lowered.index(after: colon)...]
            guard !port.isEmpty else { return nil }
        }
        guard !name.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(name)
    }

    /// Whether a request naming `authority` is answered. A request without one is not: every
    /// HTTP/1.1 client sends `Host`.
    func admits(_ authority: String?) -> Bool {
        guard let admitted else { return true }
        guard let authority, let name = Self.name(of: authority) else { return false }
        return admitted.contains(name)
    }

    /// What a refused request is told: the names the preview answers to.
    var explanation: String {
        let names = (admitted ?? []).sorted().joined(separator: ", ")
        return "This preview answers only to the names of this machine (\(names)), "
            + "so that a page of another site cannot read it through its own domain name (DNS rebinding). "
            + "Open it at http://localhost or http://127.0.0.1 with its port."
    }
}
