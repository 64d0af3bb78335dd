namespace SampleService;

/// <summary>One stored measurement of a sensor.</summary>
internal sealed record Reading(long Id, string Sensor, double Value, DateTime At);

/// <summary>The body of POST /readings, as sent by the client and not yet trusted.</summary>
internal sealed record NewReading(string? Sensor, double? Value)
{
    public const int MaxSensorLength = 64;

    /// <summary>Returns the validation errors by field, empty when the reading can be stored.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Sensor) || Sensor.Length > MaxSensorLength)
            errors["sensor"] = [$"sensor must be 1 to {MaxSensorLength} characters and not blank"];
        if (Value is not { } value || !double.IsFinite(value))
            errors["value"] = ["value must be a finite number"];
        return errors;
    }
}
