// For the valgrind runs only (LD_PRELOAD): libavcodec loads libjxl, which loads Highway (libhwy),
// whose Debian 12 security update (1.0.3-3+deb12u1) measures its timer with RDTSCP in a static
// constructor. Valgrind 3.19 cannot run RDTSCP and kills the test with SIGILL before main().
// Libhwy calls that function through its PLT, so this definition stands in for it; nothing in the
// kiosk uses Highway's timers.
#include <cstdint>

namespace hwy::platform {
std::uint64_t TimerResolution() { return 1; }
}  // namespace hwy::platform
