// Says it started, then waits to be stopped.
console.log('sleeping');
setTimeout(() => {}, 60_000);
