global using Slipway.Forge.Tests.Support;
