# CMake toolchain for cross-building Etalase for arm64 boards on a Debian 12 amd64 machine, with
# Debian's multiarch: crossbuild-essential-arm64's aarch64-linux-gnu-gcc/g++ and the :arm64 -dev
# packages installed beside the amd64 ones (tools/cross-arm64 installs both). No sysroot: the arm64
# libraries live in /usr/lib/aarch64-linux-gnu, headers are shared in /usr/include, and the cross
# compiler and linker search those triplet folders by themselves.
#
#   cmake -S . -B build/arm64 -DCMAKE_TOOLCHAIN_FILE=tools/arm64/aarch64-linux-gnu.cmake
#
# Optional cache variables:
#   ETALASE_CROSS_PKG_CONFIG_DIRS  extra .pc folders searched before the arm64 ones (tools/cross-arm64
#                                  puts its zbar.pc there; see the comment in that script)
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Multiarch has no separate root: "/" is the root, and CMAKE_LIBRARY_ARCHITECTURE makes
# find_library/find_package look in /usr/lib/aarch64-linux-gnu (and never in the amd64 triplet
# folder). Programs (ffmpeg, qrencode, pkg-config, valgrind) are the build machine's own.
set(CMAKE_FIND_ROOT_PATH /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Belt and braces: an amd64 library must never satisfy an arm64 link.
list(APPEND CMAKE_IGNORE_PATH /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu
     /usr/lib/x86_64-linux-gnu/cmake /usr/lib/x86_64-linux-gnu/pkgconfig)

# pkg-config reads only arm64 (and architecture-independent) .pc files. Set here rather than by the
# caller so a re-configure that ninja starts by itself sees the same folders.
set(ETALASE_CROSS_PKG_CONFIG_DIRS "" CACHE STRING "Extra .pc folders searched first when cross-building")
# try_compile re-reads this file in the same process: hand it the folders, or it resets the variable.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES ETALASE_CROSS_PKG_CONFIG_DIRS)
set(_etalase_pc_dirs ${ETALASE_CROSS_PKG_CONFIG_DIRS} /usr/lib/aarch64-linux-gnu/pkgconfig /usr/share/pkgconfig)
list(JOIN _etalase_pc_dirs ":" _etalase_pc_libdir)
set(ENV{PKG_CONFIG_LIBDIR} "${_etalase_pc_libdir}")
unset(ENV{PKG_CONFIG_PATH})
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# Build-time test discovery (gtest_discover_tests) and ctest run the arm64 programs through
# qemu-user. Debian 12's qemu-user-static names it qemu-aarch64-static, qemu-user qemu-aarch64.
# No -L prefix is needed: libc6:arm64 installs /lib/ld-linux-aarch64.so.1, and that loader finds the
# arm64 libraries in /usr/lib/aarch64-linux-gnu through /etc/ld.so.conf.d/aarch64-linux-gnu.conf.
find_program(ETALASE_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${ETALASE_QEMU_AARCH64})
