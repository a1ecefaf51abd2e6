/// A point of the drawing, in CSS pixels from its top left corner.
public struct DiagramPoint: Hashable, Sendable {
    public let x: Int
    public let y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
