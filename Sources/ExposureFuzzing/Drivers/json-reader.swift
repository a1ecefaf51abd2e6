// The libFuzzer entry point for FuzzTarget.jsonReader; built by `.ci/fuzz build`, not by SwiftPM.
import ExposureFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.jsonReader.run(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}
