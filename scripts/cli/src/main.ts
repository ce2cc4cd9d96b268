// Placeholder entry; the CLI is being built.
console.log('psms: under construction');
