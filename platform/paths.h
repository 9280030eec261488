// Where Etalase keeps its data and finds system files. Thread-safe (reads the environment).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace etalase::platform {

// $ETALASE_DATA_DIR, else $XDG_DATA_HOME/etalase, else ~/.local/share/etalase; /var/lib/etalase
// for root (a board's system service).
std::filesystem::path dataDirectory();

// A font file by name from the system's font folders (Debian's fonts-noto-* packages).
std::optional<std::filesystem::path> findFont(const std::string& fileName);

}  // namespace etalase::platform
