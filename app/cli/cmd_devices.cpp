// leopard-cli devices: what libtorch sees here, and the defaults the app would pick.
#include "app/cli/commands.h"
#include "inference/device.h"

#include <cstdio>

namespace leopard::cli {

int runDevices(const QStringList &args)
{
    if (!args.isEmpty()) {
        std::fprintf(stderr, "usage: leopard-cli devices\n");
        return Usage;
    }
    const DeviceInfo info = probeDevices();
    std::printf("{\"torch\": \"%s\", \"cuda_available\": %s, \"cuda_devices\": %d, "
                "\"cpu_native_bf16\": %s, \"default_device\": \"%s\", \"default_dtype\": \"%s\"}\n",
                info.torchVersion.c_str(), info.cudaAvailable ? "true" : "false", info.cudaDeviceCount,
                info.cpuHasNativeBf16 ? "true" : "false", info.defaultDevice.c_str(), info.defaultDtype.c_str());
    return Ok;
}

} // namespace leopard::cli
