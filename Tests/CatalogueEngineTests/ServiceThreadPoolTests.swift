import Foundation
import Synchronization
import Testing
@testable import CatalogueEngine

@Suite("Service thread pool")
struct ServiceThreadPoolTests {
    /// One job at a time goes to the thread idle last, so at low load one warm thread serves.
    @Test func sequentialJobsRunOnTheThreadThatWasIdleLast() throws {
        let fixture = try EngineFixture()
        let pool = try ServiceThreadPool(name: "pool-test", threads: 3, capacity: 8, configuration: fixture.catalogue.configuration)
        defer { pool.stop() }
        let names = Mutex<[String]>([])
        for _ in 0..<20 {
            let done = DispatchSemaphore(value: 0)
            #expect(pool.submit { _ in
                names.withLock { $0.append(Thread.current.name ?? "") }
                done.signal()
            })
            done.wait()
            // Let the thread get back to the idle stack before the next job.
            Thread.sleep(forTimeInterval: 0.002)
        }
        #expect(Set(names.withLock { $0 }).count == 1, "\(names.withLock { $0 })")
    }

    @Test func concurrentJobsAllRunAndStopWaitsForThem() throws {
        let fixture = try EngineFixture()
        let pool = try ServiceThreadPool(name: "pool-test", threads: 2, capacity: 64, configuration: fixture.catalogue.configuration)
        let ran = Mutex(0)
        for _ in 0..<40 { #expect(pool.submit { _ in ran.withLock { $0 += 1 } }) }
        pool.stop()
        #expect(ran.withLock { $0 } == 40)
        #expect(!pool.submit { _ in })
    }
}
