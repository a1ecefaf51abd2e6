/// The drawing's sizes, in CSS pixels.
enum Metrics {
    /// Around the whole drawing.
    static let margin = 16
    /// Width of the gutters between VPCs (and below the origins), where lines run.
    static let gutter = 48
    /// Lines share a gutter in this many lanes.
    static let lanes = 5
    static let laneStep = 5
    static let laneInset = 4
    /// The widest the VPC grid may grow before it wraps to another row.
    static let targetWidth = 1800

    static let originHeight = 44
    static let originMinimumWidth = 128
    static let originMaximumWidth = 264
    static let originGap = 20
    /// Between rows of origins: a band the upper rows' lines leave by.
    static let originBand = 20

    /// Edge gateways sit in rows at the top of their VPC, each row under a lane band.
    static let edgeHeight = 34
    static let bandHeight = 14
    static let bandLanes = 3
    static let edgeMinimumWidth = 96
    static let edgeMaximumWidth = 232
    static let edgeGap = 8
    /// An edge gateway grows for its second line up to this width, then cuts it.
    static let edgeSubtitleWidth = 150

    /// Inside a VPC: the title band, the edge rows, the inner lane, then the subnets.
    static let vpcPadding = 28
    static let vpcTitleInset = 12
    static let vpcTitleBand = 42
    static let vpcLaneBand = 22
    static let innerLaneStep = 4
    static let vpcBottom = 14
    static let maximumSubnetColumns = 6
    /// A VPC grows to show this much of its title before cutting it.
    static let vpcTitleWidth = 400

    static let subnetWidth = 212
    static let subnetHeader = 40
    static let subnetRowGap = 14
    static let subnetBottom = 8
    static let chipInset = 8
    static let chipHeight = 34
    static let chipGap = 6
    static let textInset = 8
}
