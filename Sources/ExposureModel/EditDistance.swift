/// Levenshtein distance, for "did you mean" suggestions on unknown names.
///
/// Suggestions are bounded: words longer than `longestWord` get none, candidates whose
/// length differs by more than the cutoff are skipped unread, and the distance is computed
/// in a band of the cutoff's width, so one suggestion costs O(n · w · c) for n candidates
/// of length w and cutoff c, whatever the input holds.
public enum EditDistance {
    /// Names longer than this are not misspellings of anything; no suggestion is computed.
    public static let longestWord = 64

    /// The number of single-character edits that turn `a` into `b`, case-insensitively.
    public static func between(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars), cutoff: .max) ?? .max
    }

    /// The distance if it is at most `cutoff`, computed only in the band `|i - j| <= cutoff`.
    private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cutoff: Int) -> Int? {
        guard abs(a.count - b.count) <= cutoff else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let unreachable = Int.max / 2
        var previous = (0...b.count).map { $0 <= cutoff ? $0 : unreachable }
        var current = Array(repeating: unreachable, count: b.count + 1)
        for i in 1...a.count {
            let low = Swift.max(1, i - cutoff)
            let high = Swift.min(b.count, i > Int.max - cutoff ? b.count : i + cutoff)
            current[0] = i <= cutoff ? i : unreachable
            if low > 1 { current[low - 1] = unreachable }
            var best = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    best = Swift.min(best, current[j])
                }
            }
            if high < b.count { current[high + 1] = unreachable }
            guard best <= cutoff else { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= cutoff ? previous[b.count] : nil
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo: at
    /// most a third of the word's length away (two edits for short words).
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String?
    where S.Element == String {
        let letters = Array(word.lowercased().unicodeScalars)
        guard letters.count <= longestWord else { return nil }
        let cutoff = Swift.max(2, letters.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            guard abs(candidate.unicodeScalars.count - letters.count) <= cutoff,
                let distance = distance(letters, Array(candidate.lowercased().unicodeScalars), cutoff: best.map { Swift.min($0.distance, cutoff) } ?? cutoff)
            else { continue }
            if best.map({ (distance, candidate) < ($0.distance, $0.candidate) }) ?? true { best = (distance, candidate) }
        }
        return best?.candidate
    }
}
