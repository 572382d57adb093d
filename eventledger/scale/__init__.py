"""Running the pipeline on a distributed engine: `eventledger.scale.ray_engine` (Ray Data).

Nothing here imports Ray at package import; `pip install 'eventledger[ray]'` to use it."""
