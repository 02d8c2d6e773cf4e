/// The paragraphs of a draft that are new or edited since an earlier version of it, for reporting only the claims
/// an edit touched. Paragraphs are compared as readable text with blanks collapsed, so re-wrapping a paragraph or
/// changing its markup is not an edit; moving a paragraph unchanged is not either.
public struct ParagraphChanges: Sendable {
    /// Byte ranges, in the draft's readable text, of the paragraphs that the earlier version does not have.
    public let changedParagraphs: [Range<Int>]

    /// Compares a draft with its earlier version.
    /// - Parameters:
    ///   - draft: the draft as it is now.
    ///   - base: the draft as it was; nil when it did not exist, so that every paragraph is new.
    public init(draft: Document, base: Document?) {
        let earlier = Set((base.map { base in
            ParagraphSplitter.paragraphs(in: base.readable).map(base.readableText(of:))
        }) ?? [])
        changedParagraphs = ParagraphSplitter.paragraphs(in: draft.readable).filter { paragraph in
            !earlier.contains(draft.readableText(of: paragraph))
        }
    }

    /// Whether a claim lies in a changed paragraph (judged by where it starts).
    public func contains(_ claim: Claim) -> Bool {
        let start = claim.span.lowerBound
        var low = 0, high = changedParagraphs.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let paragraph = changedParagraphs[middle]
            if start < paragraph.lowerBound {
                high = middle - 1
            } else if start >= paragraph.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
