// Where installed content packs live under the kiosk's data folder, and which one is shown:
//
//   DATA/packs/<pack-id>-<YYYYmmdd-HHMMSS>[-n]/   one folder per installed copy, never changed
//   DATA/packs/current  -> <folder>               the pack the kiosk shows
//   DATA/packs/previous -> <folder>               the one before, for rolling back
//   DATA/packs/.incoming-XXXXXX/                  an install in progress (removed at start-up)
//
// Links are replaced with rename(), so after a power cut `current` names either the old pack or
// the new one, never half of either. Not thread-safe: one installer or UI action at a time.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "media/error.h"

namespace etalase::kiosk {

inline constexpr const char* kPacksFolder = "packs";
inline constexpr const char* kCurrentLink = "current";
inline constexpr const char* kPreviousLink = "previous";
inline constexpr const char* kIncomingPrefix = ".incoming-";

// fsync()s a folder so that entries just created, renamed or removed in it survive a power cut.
[[nodiscard]] std::optional<Error> syncDirectory(const std::filesystem::path& directory);

// A pack id made safe as (the start of) a folder name: letters, digits, '-', '_' and '.' kept,
// anything else turned into '_', no leading dot, at most 64 characters; "pack" if nothing is left.
std::string packFolderStem(const std::string& packId);

class PackStore {
 public:
  explicit PackStore(const std::filesystem::path& dataDirectory);

  const std::filesystem::path& packsDirectory() const { return m_packs; }

  // At start-up: creates the packs folder if needed and removes what an interrupted install
  // left behind (.incoming-* folders, half-made links).
  [[nodiscard]] std::optional<Error> recover() const;

  // The folder `current` / `previous` points to (not the link itself, so a later switch does
  // not change files under a caller's feet); nullopt if there is none or it is gone.
  std::optional<std::filesystem::path> currentPack() const;
  std::optional<std::filesystem::path> previousPack() const;

  // A new, empty packs/.incoming-XXXXXX folder to copy a pack into.
  Result<std::filesystem::path> createIncoming() const;
  // Renames a complete incoming folder to packs/<stem>-<YYYYmmdd-HHMMSS>[-n] (local time; -n
  // when that name is taken) and syncs the packs folder. Returns the final folder.
  Result<std::filesystem::path> commitIncoming(const std::filesystem::path& incoming,
                                               const std::string& packId) const;
  // previous := current, current := `pack` (a folder inside the packs folder), then removes
  // packs neither link points to. A failed clean-up is logged, not returned: the switch stands.
  [[nodiscard]] std::optional<Error> makeCurrent(const std::filesystem::path& pack) const;
  // Swaps current and previous in one step (both must exist).
  [[nodiscard]] std::optional<Error> rollback() const;
  // Removes every pack folder that neither current nor previous points to.
  [[nodiscard]] std::optional<Error> collectGarbage() const;

 private:
  std::optional<std::string> linkTarget(const char* link) const;
  std::optional<std::filesystem::path> resolve(const char* link) const;
  std::optional<Error> pointLink(const char* link, const std::string& folderName) const;

  std::filesystem::path m_packs;
};

}  // namespace etalase::kiosk
