import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

@Suite("Address and interval math")
struct IntervalSetTests {
    @Test("IPv4 /0, /32 and host bits", arguments: [
        ("0.0.0.0/0", "0.0.0.0/0"), ("10.1.2.3/32", "10.1.2.3/32"), ("10.1.2.3/8", "10.0.0.0/8"),
        ("255.255.255.255/32", "255.255.255.255/32"),
    ])
    func ipv4Blocks(text: String, expected: String) throws {
        let cidr = try #require(CIDR(text))
        #expect(cidr.description == expected)
    }

    @Test("IPv6 /0, /128 and compression", arguments: [
        ("::/0", "::/0"), ("2600:1f18::1/128", "2600:1f18::1/128"), ("2001:db8:0:0:1:0:0:1/128", "2001:db8::1:0:0:1/128"),
        ("2600:1F18:AAAA::/56", "2600:1f18:aaaa::/56"),
    ])
    func ipv6Blocks(text: String, expected: String) throws {
        let cidr = try #require(CIDR(text))
        #expect(cidr.description == expected)
    }

    @Test("Malformed text is rejected", arguments: ["10.0.0.256/8", "10.0.0/8", "10.0.0.0/33", "::/129", "1:2:3:4:5:6:7:8:9/64", "2001:db8:::1/64", "abc", "10.0.0.0/"])
    func malformed(text: String) {
        #expect(CIDR(text) == nil)
    }

    @Test("0.0.0.0/0 holds every IPv4 address and no IPv6 one; ::/0 the reverse")
    func familiesAreDisjoint() throws {
        let v4 = CIDR.anyIPv4.addresses
        let v6 = CIDR.anyIPv6.addresses
        #expect(!v4.intersects(v6))
        #expect(v4.union(v6).isUniverse)
        #expect(v4.contains(try #require(IPAddress("255.255.255.255"))))
        #expect(!v6.contains(try #require(IPAddress("0.0.0.0"))))
        #expect(v6.contains(try #require(IPAddress("::"))))
    }

    @Test("Adjacent ranges merge; overlapping ranges union")
    func adjacency() {
        let set = IntervalSet<UInt16>(ranges: [10...20, 21...30, 25...40, 50...50])
        #expect(set.ranges == [10...40, 50...50])
        #expect(set.subtracting(IntervalSet(ranges: [15...15])).ranges == [10...14, 16...40, 50...50])
        #expect(IntervalSet<UInt16>(ranges: [0...65535]).isUniverse)
        #expect(IntervalSet<UInt16>(ranges: [65535...65535]).ranges == [65535...65535])
    }

    @Test("Address sets print as the fewest CIDR blocks")
    func cidrDecomposition() throws {
        let split = AddressSet(cidrs: [try #require(CIDR("0.0.0.0/1")), try #require(CIDR("128.0.0.0/1"))])
        #expect(split.cidrs.map(\.description) == ["0.0.0.0/0"])
        let hole = CIDR.anyIPv4.addresses.subtracting(try #require(CIDR("10.0.0.0/8")).addresses)
        #expect(hole.cidrs.map(\.description) == ["0.0.0.0/5", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"])
        #expect(hole.cidrs.first?.description == "0.0.0.0/5")
    }

    @Test("The saturating count never overflows")
    func counting() {
        #expect(AddressSet.universe.saturatingCount == UInt128.max)
        #expect(CIDR.anyIPv4.addresses.saturatingCount == 1 << 32)
    }
}
