// The file system's errors are the user ABI's FileError (user/Abi/FileError.cs), defined there once: the file-system
// system calls hand them to user programs number for number, and the kernel compiles user/Abi with its own sources
// (Kernel.csproj), as do the host projects that compile this folder. The kernel's code keeps its own names for them.
global using FsError = UserAbi.FileError;
global using FsErrors = UserAbi.FileErrors;
