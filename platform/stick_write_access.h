// Writing on a USB stick that the board keeps mounted read-only. The package's udev rule mounts
// sticks read-only (safe to pull at any moment); for an export the kiosk asks the board's stick
// helper (etalase-stick-request.socket, run as root by systemd) to make that one stick writable, and to
// make it read-only again, flushed, as soon as the file is written.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace etalase::platform {

// Whether nothing can be written in `folder` because its file system is mounted read-only.
bool isReadOnlyMount(const std::filesystem::path& folder);

// What the export needs of a stick; tests stand in for the board's helper.
class StickWriteAccess {
 public:
  virtual ~StickWriteAccess() = default;
  virtual bool readOnly(const std::filesystem::path& mountPoint) const = 0;
  // Nothing when done; else what a person can act on.
  virtual std::optional<std::string> makeWritable(const std::filesystem::path& mountPoint) = 0;
  virtual std::optional<std::string> makeReadOnly(const std::filesystem::path& mountPoint) = 0;
};

struct StickHelperConfig {
  std::filesystem::path socket = "/run/etalase/stick.sock";
  // A remount flushes what was written: a slow stick can take seconds.
  std::chrono::milliseconds timeout{30000};
};

// The defaults, with $ETALASE_STICK_HELPER as the socket when it is set.
StickHelperConfig defaultStickHelperConfig();

// Asks the board's stick helper over its Unix socket: one request ("writable MOUNTPOINT" or
// "read-only MOUNTPOINT") per connection, one answer line ("ok" or "error WHY").
class StickHelperClient final : public StickWriteAccess {
 public:
  explicit StickHelperClient(StickHelperConfig config = defaultStickHelperConfig()) : m_config(std::move(config)) {}
  bool readOnly(const std::filesystem::path& mountPoint) const override { return isReadOnlyMount(mountPoint); }
  std::optional<std::string> makeWritable(const std::filesystem::path& mountPoint) override;
  std::optional<std::string> makeReadOnly(const std::filesystem::path& mountPoint) override;

 private:
  std::optional<std::string> ask(const std::string& verb, const std::filesystem::path& mountPoint) const;
  StickHelperConfig m_config;
};

// A stick held writable for as long as this lives, if it was read-only: read-only again when it
// goes (or at finish()), whatever happened in between. A stick that was writable is left alone.
class StickWriteSession {
 public:
  StickWriteSession(StickWriteAccess& access, std::filesystem::path mountPoint);
  ~StickWriteSession();
  StickWriteSession(const StickWriteSession&) = delete;
  StickWriteSession& operator=(const StickWriteSession&) = delete;

  // Why the stick could not be made writable; nothing when it can be written now.
  const std::optional<std::string>& failure() const { return m_failure; }
  // Read-only again now: nothing, or why the stick is still writable.
  std::optional<std::string> finish();
  // This session made the stick writable and, at finish(), read-only again: safe to pull.
  bool readOnlyAgain() const { return m_state == State::ReadOnlyAgain; }

 private:
  enum class State { LeftAlone, Writable, ReadOnlyAgain, StillWritable };
  StickWriteAccess& m_access;
  std::filesystem::path m_mountPoint;
  std::optional<std::string> m_failure;
  State m_state = State::LeftAlone;
};

}  // namespace etalase::platform
